package io.tessera.crm.modules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleState;
import io.tessera.crm.modules.internal.Fakes.Call;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The module catalogue, who may do what, disabling, and the licence's warnings. */
public class ModuleServiceImplTest extends ModulesFixture {
    // ---- catalogue

    @Test
    public void theCatalogueIsEveryFeatureWithTheCapabilitySortedById() {
        List<ModuleDto> list = service.list(SALES);
        assertEquals(List.of("analytics", "documents", "telephony"), list.stream().map(ModuleDto::id).toList());
        ModuleDto a = list.get(0);
        assertEquals(new ModuleDto("analytics", "crm-analytics", "Analytics", "Funnel, forecast, win rate", "0.1.0",
                true, false, ModuleState.NOT_LICENSED, "needs a licence that names module 'analytics'", T0,
                List.of("deals"), List.of()), a);
        ModuleDto t = list.get(2);
        assertEquals(new ModuleDto("telephony", "crm-telephony", "Telephony", "Calls", "0.1.0", false, true,
                ModuleState.AVAILABLE, null, T0, List.of(), List.of()), t);
    }

    @Test
    public void aThirdPartyRepositoryAddsModulesAndABrokenOneHidesNothing() {
        features.all.add(Fakes.feature("acme-fax", "1.2.0", "Faxes from Acme", "tessera.crm.module;id=fax"));
        features.all.add(Fakes.feature("acme-broken", "1.0.0", null, "tessera.crm.module;id=broken;paid=\"x"));
        features.all.add(Fakes.feature("acme-noid", "1.0.0", null, "tessera.crm.module;name=NoId"));
        ModuleDto fax = service.get(MANAGER, "fax");
        assertEquals("Faxes from Acme", fax.description());
        assertEquals("fax", fax.name());
        assertEquals("1.2.0", fax.version());
        assertEquals(ModuleState.AVAILABLE, fax.state());
        assertEquals(List.of("analytics", "documents", "fax", "telephony"),
                service.list(MANAGER).stream().map(ModuleDto::id).toList());
    }

    @Test
    public void severalVersionsOfOneModuleShowTheInstalledOneElseTheHighest() {
        features.all.add(Fakes.feature("crm-telephony", "0.3.0", null, TELEPHONY));
        features.all.add(Fakes.feature("crm-telephony", "0.2.0", null, TELEPHONY));
        assertEquals("0.3.0", get("telephony").version());
        features.installed.add("crm-telephony/0.2.0");
        assertEquals("0.2.0", get("telephony").version());
        assertEquals(ModuleState.ENABLED, get("telephony").state());
    }

    @Test
    public void unknownModuleIsNotFound() {
        assertEquals("module nope not found",
                assertThrows(NotFoundException.class, () -> service.get(ADMIN, "nope")).getMessage());
        assertThrows(NotFoundException.class, () -> service.enable(ADMIN, "jetty"));
        assertThrows(NotFoundException.class, () -> service.disable(ADMIN, "crm-core"));
    }

    @Test
    public void statesFollowKarafAndTheLicence() {
        assertEquals(Map.of("analytics", ModuleState.NOT_LICENSED, "documents", ModuleState.NOT_LICENSED,
                "telephony", ModuleState.AVAILABLE), states(service.list(ADMIN)));
        licences.covering("analytics");
        features.installed.add("crm-telephony/0.1.0"); // e.g. by feature:install, or kept by Karaf over a restart
        features.installed.add("crm-documents/0.1.0");
        features.brokenBundles.put("crm-documents", "bundle crm-documents 0.1.0 is RESOLVED, not ACTIVE");
        List<ModuleDto> list = service.list(ADMIN);
        assertEquals(Map.of("analytics", ModuleState.AVAILABLE, "documents", ModuleState.FAILED,
                "telephony", ModuleState.ENABLED), states(list));
        assertTrue(list.get(0).licensed());
        assertEquals("bundle crm-documents 0.1.0 is RESOLVED, not ACTIVE", list.get(1).reason());
        assertFalse(list.get(1).licensed());
    }

    @Test
    public void withoutALicenceServicePaidModulesAreNotLicensed() {
        service.licences = null;
        ModuleDto a = get("analytics");
        assertEquals(ModuleState.NOT_LICENSED, a.state());
        assertFalse(a.licensed());
        assertEquals(ModuleState.AVAILABLE, get("telephony").state());
    }

    @Test
    public void sinceIsWhenTheStateLastChangedAndSurvivesARestart() {
        assertEquals(T0, get("telephony").since());
        assertEquals(T0, get("analytics").since());
        clock.advance(Duration.ofHours(1));
        assertEquals(T0, get("telephony").since()); // nothing changed
        service.enable(ADMIN, "telephony");
        Instant enabledAt = T0.plus(Duration.ofHours(1));
        assertEquals(enabledAt, get("telephony").since());
        clock.advance(Duration.ofDays(2));
        ModuleServiceImpl restarted = newService();
        ModuleDto after = restarted.get(ADMIN, "telephony");
        assertEquals(ModuleState.ENABLED, after.state());
        assertEquals(enabledAt, after.since());
        // a licence installed meanwhile is noticed at the next read
        assertEquals(ModuleState.NOT_LICENSED, restarted.get(ADMIN, "analytics").state());
        clock.advance(Duration.ofMinutes(1));
        licences.covering("analytics");
        ModuleDto a = restarted.get(ADMIN, "analytics");
        assertEquals(ModuleState.AVAILABLE, a.state());
        assertEquals(enabledAt.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(1)), a.since());
    }

    // ---- access

    @Test
    public void onlyAdminsEnableOrDisableAndOnlyCrmUsersRead() {
        assertEquals("only crm-admin may enable modules",
                assertThrows(AccessDeniedException.class, () -> service.enable(MANAGER, "telephony")).getMessage());
        assertEquals("only crm-admin may disable modules",
                assertThrows(AccessDeniedException.class, () -> service.disable(SALES, "telephony")).getMessage());
        Caller karafViewer = Caller.of("viewer", "viewer");
        assertThrows(AccessDeniedException.class, () -> service.list(karafViewer));
        assertThrows(AccessDeniedException.class, () -> service.get(karafViewer, "telephony"));
        assertThrows(AccessDeniedException.class, () -> service.enable(karafViewer, "nope"));
        assertEquals(List.of(), features.calls);
        assertEquals(List.of(), events.events);
    }

    // ---- disable

    @Test
    public void disablingUninstallsWithoutRefreshAndPostsAnEvent() {
        licences.covering("analytics");
        service.enable(ADMIN, "analytics");
        clock.advance(Duration.ofHours(3));
        ModuleDto a = service.disable(ADMIN, "analytics");
        assertEquals(ModuleState.AVAILABLE, a.state());
        assertEquals(T0.plus(Duration.ofHours(3)), a.since());
        assertEquals(new Call("uninstall", "crm-analytics", null, NO_REFRESH), features.calls.get(1));
        assertFalse(features.isInstalled("crm-analytics"));
        assertEquals(List.of("tessera/crm/module/ENABLED", "tessera/crm/module/DISABLED"), events.topics());
        assertEquals("Module Analytics 0.1.0 disabled", events.props(1).get("summary"));
        assertEquals("admin", events.props(1).get("actor"));

        ModuleDto again = service.disable(ADMIN, "analytics");
        assertEquals(List.of("module 'analytics' was not enabled"), again.warnings());
        assertEquals(2, features.calls.size());
        assertEquals(2, events.events.size());
    }

    @Test
    public void aPaidModuleDisabledWithoutLicenceIsNotLicensedAfterwards() {
        features.installed.add("crm-analytics/0.1.0");
        assertEquals(ModuleState.ENABLED, get("analytics").state());
        assertEquals(ModuleState.NOT_LICENSED, service.disable(ADMIN, "analytics").state());
    }

    @Test
    public void aFailingUninstallLeavesTheModuleEnabledAndSaysWhy() {
        features.installed.add("crm-telephony/0.1.0");
        features.uninstallFails.put("crm-telephony", "Region digraph is locked");
        ModuleDto t = service.disable(ADMIN, "telephony");
        assertEquals(ModuleState.ENABLED, t.state());
        assertEquals(List.of("disabling failed: Region digraph is locked"), t.warnings());
        assertEquals(List.of("tessera/crm/module/FAILED"), events.topics());
        assertEquals("disabling failed: Region digraph is locked", events.props(0).get("reason"));
        assertEquals("Module Telephony could not be disabled: disabling failed: Region digraph is locked",
                events.props(0).get("summary"));
    }

    // ---- licence warnings

    @Test
    public void anExpiringLicenceWarnsOnThePaidModulesItNames() {
        licences.covering("analytics", "documents");
        licences.licence = Fakes.licence(LocalDate.of(2026, 11, 30), true, "analytics", "documents");
        Map<String, List<String>> warnings = new LinkedHashMap<>();
        service.list(ADMIN).forEach(m -> warnings.put(m.id(), m.warnings()));
        String w = "licence expires on 2026-11-30 (in 10 days); renew it to keep this module";
        assertEquals(Map.of("analytics", List.of(w), "documents", List.of(w), "telephony", List.of()), warnings);

        licences.licence = Fakes.licence(LocalDate.of(2026, 12, 4), true, "analytics");
        assertEquals(List.of("licence expires on 2026-12-04 (in 14 days); renew it to keep this module"),
                get("analytics").warnings());
        licences.licence = Fakes.licence(LocalDate.of(2026, 12, 5), true, "analytics");
        assertEquals(List.of(), get("analytics").warnings());
        licences.licence = Fakes.licence(LocalDate.of(2026, 11, 20), true, "analytics");
        assertEquals(List.of("licence expires on 2026-11-20 (today); renew it to keep this module"),
                get("analytics").warnings());
    }

    @Test
    public void anExpiredLicenceSaysSoOnEnabledPaidModules() {
        licences.licence = Fakes.licence(LocalDate.of(2026, 11, 1), false, "analytics");
        features.installed.add("crm-analytics/0.1.0");
        ModuleDto a = get("analytics");
        assertEquals(ModuleState.ENABLED, a.state());
        assertFalse(a.licensed());
        assertEquals(List.of("licence expired on 2026-11-01; the module is disabled at the next licence check (its"
                + " data is kept)"), a.warnings());
    }

    @Test
    public void describeJoinsTheMessagesOfTheCauses() {
        assertEquals("a: b", FailureReasons.describe(new Exception("a", new RuntimeException("b"))));
        assertEquals("Unable to resolve root: missing requirement x",
                FailureReasons.describe(new Exception("Unable to resolve root: missing requirement x",
                        new Exception("missing requirement x"))));
        assertEquals("NullPointerException", FailureReasons.describe(new NullPointerException()));
    }
}
