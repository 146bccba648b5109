package io.tessera.crm.shell.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.modules.LicenceRequiredException;
import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleService;
import io.tessera.crm.api.modules.ModuleState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.Test;

/** crm:modules, crm:module-enable, crm:module-disable as Karaf runs them, against a small in-memory service. */
public class ModuleCommandsTest extends CommandRunner {

    static ModuleDto module(String id, String name, boolean paid, boolean licensed, ModuleState state, String reason,
                            Instant since, List<String> warnings) {
        return new ModuleDto(id, "crm-" + id, name, name + " module", "0.1.0", paid, licensed, state, reason, since,
                List.of(), warnings);
    }

    static final class Modules implements ModuleService {
        final List<String> calls = new ArrayList<>();
        List<ModuleDto> list = List.of();
        BiFunction<Caller, String, ModuleDto> enable;
        BiFunction<Caller, String, ModuleDto> disable;

        @Override
        public List<ModuleDto> list(Caller caller) {
            calls.add("list " + caller.username());
            return list;
        }

        @Override
        public ModuleDto get(Caller caller, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ModuleDto enable(Caller caller, String id) {
            calls.add("enable " + caller.username() + " " + id);
            return enable.apply(caller, id);
        }

        @Override
        public ModuleDto disable(Caller caller, String id) {
            calls.add("disable " + caller.username() + " " + id);
            return disable.apply(caller, id);
        }
    }

    @Test
    public void modulesIsATableWithStateSinceAndNotes() throws Exception {
        Modules service = new Modules();
        service.list = List.of(
                module("analytics", "Analytics", true, true, ModuleState.ENABLED, null,
                        Instant.parse("2026-11-20T09:15:42Z"),
                        List.of("licence expires on 2026-11-30 (in 10 days); renew it to keep this module")),
                module("documents", "Documents", true, false, ModuleState.NOT_LICENSED,
                        "needs a licence that names module 'documents'", null, List.of()),
                module("telephony", "Telephony", false, true, ModuleState.FAILED,
                        "bundle crm-telephony 0.1.0 is RESOLVED, not ACTIVE", Instant.parse("2026-11-21T08:00:00Z"),
                        List.of()));
        ModulesCommand cmd = new ModulesCommand();
        cmd.modules = service;
        cmd.zone = ZoneOffset.ofHours(3);
        runAs(cmd, "maria", "crm-manager");

        assertEquals(List.of("list maria"), service.calls);
        assertEquals(List.of(
                List.of("Id", "Name", "Version", "Paid", "Licensed", "State", "Since", "Reason / warnings"),
                List.of("analytics", "Analytics", "0.1.0", "yes", "yes", "enabled", "2026-11-20 12:15",
                        "licence expires on 2026-11-30 (in 10 days); renew it to keep this module"),
                List.of("documents", "Documents", "0.1.0", "yes", "no", "not-licensed", "",
                        "needs a licence that names module 'documents'"),
                List.of("telephony", "Telephony", "0.1.0", "no", "-", "failed", "2026-11-21 11:00",
                        "bundle crm-telephony 0.1.0 is RESOLVED, not ACTIVE")), cells(out()));
        assertEquals("", err());
    }

    @Test
    public void noModules() throws Exception {
        ModulesCommand cmd = new ModulesCommand();
        cmd.modules = new Modules();
        runAs(cmd, "admin", "crm-admin");
        assertEquals("No optional modules in this distribution." + System.lineSeparator(), out());
    }

    @Test
    public void enablePrintsTheNotesAndTheNewState() throws Exception {
        Modules service = new Modules();
        service.enable = (c, id) -> module(id, "Documents", true, true, ModuleState.ENABLED, null, Instant.EPOCH,
                List.of("enabled module 'telephony' too, which 'documents' requires"));
        ModuleEnableCommand cmd = new ModuleEnableCommand();
        cmd.modules = service;
        cmd.id = "documents";
        runAs(cmd, "admin", "crm-admin");
        assertEquals(List.of("enable admin documents"), service.calls);
        assertEquals("Note: enabled module 'telephony' too, which 'documents' requires" + System.lineSeparator()
                + "Module documents (Documents 0.1.0) is now enabled" + System.lineSeparator(), out());
        assertEquals("", err());
    }

    @Test
    public void aFailedEnableGoesToTheErrorStreamWithItsReason() throws Exception {
        Modules service = new Modules();
        service.enable = (c, id) -> module(id, "Telephony", false, true, ModuleState.FAILED,
                "bundle crm-telephony 0.1.0 is RESOLVED, not ACTIVE", Instant.EPOCH, List.of());
        ModuleEnableCommand cmd = new ModuleEnableCommand();
        cmd.modules = service;
        cmd.id = "telephony";
        runAs(cmd, "admin", "crm-admin");
        assertEquals("", out());
        assertEquals("Module telephony (Telephony 0.1.0) failed: bundle crm-telephony 0.1.0 is RESOLVED, not ACTIVE"
                + System.lineSeparator(), err());
    }

    @Test
    public void theServicesRefusalsAreShortErrors() throws Exception {
        Modules service = new Modules();
        service.enable = (c, id) -> {
            throw new LicenceRequiredException(id, "module 'analytics' needs a licence that names it; install one"
                    + " with crm:license-install or PUT /api/v1/license");
        };
        ModuleEnableCommand cmd = new ModuleEnableCommand();
        cmd.modules = service;
        cmd.id = "analytics";
        runAs(cmd, "admin", "crm-admin");
        assertEquals("Error: module 'analytics' needs a licence that names it; install one with crm:license-install"
                + " or PUT /api/v1/license" + System.lineSeparator(), err());

        errBytes.reset();
        service.disable = (c, id) -> {
            throw new AccessDeniedException("only crm-admin may disable modules");
        };
        ModuleDisableCommand off = new ModuleDisableCommand();
        off.modules = service;
        off.id = "analytics";
        runAs(off, "maria", "crm-manager");
        assertEquals("Error: only crm-admin may disable modules" + System.lineSeparator(), err());

        errBytes.reset();
        service.disable = (c, id) -> {
            throw new ConflictException("module 'telephony' is needed by enabled module 'documents'; disable it first");
        };
        off.id = "telephony";
        runAs(off, "admin", "crm-admin");
        assertEquals("Error: module 'telephony' is needed by enabled module 'documents'; disable it first"
                + System.lineSeparator(), err());
        assertEquals("", out());
    }

    @Test
    public void disableSaysWhenTheModuleIsStillEnabled() throws Exception {
        Modules service = new Modules();
        service.disable = (c, id) -> module(id, "Telephony", false, true, ModuleState.ENABLED, null, Instant.EPOCH,
                List.of("disabling failed: Region digraph is locked"));
        ModuleDisableCommand cmd = new ModuleDisableCommand();
        cmd.modules = service;
        cmd.id = "telephony";
        runAs(cmd, "admin", "crm-admin");
        assertEquals("Note: disabling failed: Region digraph is locked" + System.lineSeparator(), out());
        assertEquals("Module telephony (Telephony 0.1.0) is still enabled" + System.lineSeparator(), err());

        outBytes.reset();
        errBytes.reset();
        service.disable = (c, id) -> module(id, "Telephony", false, true, ModuleState.AVAILABLE, null, Instant.EPOCH,
                List.of());
        runAs(cmd, "admin", "crm-admin");
        assertEquals("Module telephony (Telephony 0.1.0) is now available" + System.lineSeparator(), out());
        assertEquals("", err());
    }
}
