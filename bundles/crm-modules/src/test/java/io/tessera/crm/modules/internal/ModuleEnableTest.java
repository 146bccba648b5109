package io.tessera.crm.modules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.modules.LicenceRequiredException;
import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleState;
import io.tessera.crm.modules.internal.Fakes.Call;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Enabling a module: the feature installed without a refresh, required modules, the licence, failures undone. */
public class ModuleEnableTest extends ModulesFixture {
    @Test
    public void enablingInstallsTheFeatureWithoutRefreshPostsAnEventAndRecordsTheTime() {
        clock.advance(Duration.ofMinutes(5));
        ModuleDto t = service.enable(ADMIN, "telephony");
        assertEquals(ModuleState.ENABLED, t.state());
        assertNull(t.reason());
        assertEquals(T0.plus(Duration.ofMinutes(5)), t.since());
        assertEquals(List.of(), t.warnings());
        assertEquals(List.of(new Call("install", "crm-telephony", "0.1.0", NO_REFRESH)), features.calls);
        assertTrue(features.isInstalled("crm-telephony"));
        assertEquals(List.of("tessera/crm/module/ENABLED"), events.topics());
        Map<String, Object> props = events.props(0);
        assertEquals("module", props.get("entity"));
        assertEquals("telephony", props.get("id"));
        assertEquals("admin", props.get("actor"));
        assertEquals("Module Telephony 0.1.0 enabled", props.get("summary"));
        assertEquals("crm-telephony", props.get("feature"));
        assertEquals("0.1.0", props.get("version"));
        assertEquals(List.of(), props.get("companyIds"));
        assertFalse(props.containsKey("reason"));

        ModuleDto again = service.enable(ADMIN, "telephony");
        assertEquals(List.of("module 'telephony' was already enabled"), again.warnings());
        assertEquals(1, features.calls.size());
        assertEquals(1, events.events.size());
    }

    @Test
    public void aPaidModuleWithoutLicenceIsRefusedNamingTheLicence() {
        LicenceRequiredException e = assertThrows(LicenceRequiredException.class,
                () -> service.enable(ADMIN, "analytics"));
        assertEquals("module 'analytics' needs a licence that names it; install one with crm:license-install or"
                + " PUT /api/v1/license", e.getMessage());
        assertEquals("analytics", e.module());
        service.licences = null;
        assertThrows(LicenceRequiredException.class, () -> service.enable(ADMIN, "analytics"));
        assertEquals(List.of(), features.calls);
        assertEquals(List.of(), events.events);

        service.licences = licences.covering("analytics");
        assertEquals(ModuleState.ENABLED, service.enable(ADMIN, "analytics").state());
        // "deals" is the core's, not a module: nothing else installed
        assertEquals(List.of(new Call("install", "crm-analytics", "0.1.0", NO_REFRESH)), features.calls);
    }

    @Test
    public void requiredModulesComeAlongAndTheAnswerSaysSo() {
        licences.covering("documents");
        ModuleDto d = service.enable(ADMIN, "documents");
        assertEquals(ModuleState.ENABLED, d.state());
        assertEquals(List.of("enabled module 'telephony' too, which 'documents' requires"), d.warnings());
        assertEquals(List.of(new Call("install", "crm-telephony", "0.1.0", NO_REFRESH),
                new Call("install", "crm-documents", "0.1.0", NO_REFRESH)), features.calls);
        assertEquals(List.of("tessera/crm/module/ENABLED", "tessera/crm/module/ENABLED"), events.topics());
        assertEquals("telephony", events.props(0).get("id"));
        assertEquals("documents", events.props(1).get("id"));
        assertEquals(ModuleState.ENABLED, get("telephony").state());

        // and telephony cannot go while documents needs it
        assertEquals("module 'telephony' is needed by enabled module 'documents'; disable it first",
                assertThrows(ConflictException.class, () -> service.disable(ADMIN, "telephony")).getMessage());
        assertTrue(features.isInstalled("crm-telephony"));
    }

    @Test
    public void aRequiredPaidModuleWithoutLicenceStopsEverything() {
        features.all.add(Fakes.feature("crm-reports", "0.1.0", null,
                "tessera.crm.module;id=reports;requires:List<String>=\"analytics\""));
        LicenceRequiredException e = assertThrows(LicenceRequiredException.class,
                () -> service.enable(ADMIN, "reports"));
        assertEquals("analytics", e.module());
        assertEquals("module 'reports' requires module 'analytics', which needs a licence that names it; install"
                + " one with crm:license-install or PUT /api/v1/license", e.getMessage());
        assertEquals(List.of(), features.calls);
    }

    @Test
    public void modulesRequiringEachOtherAreAConflict() {
        features.all.add(Fakes.feature("x", "1", null, "tessera.crm.module;id=x;requires=y"));
        features.all.add(Fakes.feature("y", "1", null, "tessera.crm.module;id=y;requires=x"));
        assertEquals("modules require each other in a circle: x -> y -> x; none of them can be enabled",
                assertThrows(ConflictException.class, () -> service.enable(ADMIN, "x")).getMessage());
        assertEquals(List.of(), features.calls);
    }

    @Test
    public void aFailingInstallIsReportedFailedAndUndone() {
        features.installFails.put("crm-telephony", "Activator start error in bundle crm-telephony [312]");
        clock.advance(Duration.ofMinutes(1));
        ModuleDto t = service.enable(ADMIN, "telephony");
        assertEquals(ModuleState.FAILED, t.state());
        assertEquals("Error installing crm-telephony: Activator start error in bundle crm-telephony [312]",
                t.reason());
        assertEquals(T0.plus(Duration.ofMinutes(1)), t.since());
        assertEquals(List.of(new Call("install", "crm-telephony", "0.1.0", NO_REFRESH),
                new Call("uninstall", "crm-telephony", null, NO_REFRESH)), features.calls);
        assertFalse(features.isInstalled("crm-telephony"));
        assertEquals(List.of("tessera/crm/module/FAILED"), events.topics());
        assertEquals("Module Telephony could not be enabled: " + t.reason(), events.props(0).get("summary"));
        assertEquals(t.reason(), events.props(0).get("reason"));

        // stays failed (also for a new instance: it is stored) until enabled successfully or disabled
        assertEquals(ModuleState.FAILED, newService().get(ADMIN, "telephony").state());
        ModuleDto cleared = service.disable(ADMIN, "telephony");
        assertEquals(ModuleState.AVAILABLE, cleared.state());
        assertNull(cleared.reason());
        assertEquals(2, features.calls.size()); // nothing to uninstall

        features.installFails.clear();
        assertEquals(ModuleState.ENABLED, service.enable(ADMIN, "telephony").state());
    }

    @Test
    public void aBundleThatDoesNotStartIsReportedFailedAndUndone() {
        features.brokenBundles.put("crm-telephony", "bundle crm-telephony 0.1.0 is RESOLVED, not ACTIVE");
        ModuleDto t = service.enable(ADMIN, "telephony");
        assertEquals(ModuleState.FAILED, t.state());
        assertEquals("bundle crm-telephony 0.1.0 is RESOLVED, not ACTIVE", t.reason());
        assertFalse(features.isInstalled("crm-telephony"));
        assertEquals("uninstall", features.calls.get(1).op());
    }

    @Test
    public void aFailingRequiredModuleFailsTheOneAsked() {
        licences.covering("documents");
        features.installFails.put("crm-telephony", "boom");
        ModuleDto d = service.enable(ADMIN, "documents");
        assertEquals(ModuleState.FAILED, d.state());
        assertEquals("module 'telephony', which it requires, failed: Error installing crm-telephony: boom",
                d.reason());
        assertEquals(ModuleState.FAILED, get("telephony").state());
        assertFalse(features.isInstalled("crm-documents"));
        assertEquals(List.of("tessera/crm/module/FAILED", "tessera/crm/module/FAILED"), events.topics());
    }

    @Test
    public void enablingAnInstalledButBrokenModuleStartsItOver() {
        features.installed.add("crm-telephony/0.1.0");
        features.brokenBundles.put("crm-telephony", "bundle crm-telephony 0.1.0 is RESOLVED, not ACTIVE");
        assertEquals(ModuleState.FAILED, get("telephony").state());
        features.healOnUninstall.add("crm-telephony");
        assertEquals(ModuleState.ENABLED, service.enable(ADMIN, "telephony").state());
        assertEquals(List.of(new Call("uninstall", "crm-telephony", null, NO_REFRESH),
                new Call("install", "crm-telephony", "0.1.0", NO_REFRESH)), features.calls);
    }
}
