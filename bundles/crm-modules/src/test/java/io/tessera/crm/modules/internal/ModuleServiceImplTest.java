package io.tessera.crm.modules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.modules.LicenceRequiredException;
import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleState;
import io.tessera.crm.modules.internal.Fakes.Call;
import io.tessera.crm.support.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import org.apache.karaf.features.FeaturesService;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class ModuleServiceImplTest {
    static final Caller ADMIN = Caller.of("admin", "crm-admin");
    static final Caller MANAGER = Caller.of("maria", "crm-manager");
    static final Caller SALES = Caller.of("anna", "crm-sales");
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    static final String ANALYTICS = "tessera.crm.module;id=analytics;name=\"Analytics\";"
            + "description=\"Funnel, forecast, win rate\";paid:Boolean=true;requires:List<String>=\"deals\"";
    static final String TELEPHONY = "tessera.crm.module;id=telephony;name=\"Telephony\";description=\"Calls\"";
    static final String DOCUMENTS = "tessera.crm.module;id=documents;name=\"Documents\";paid:Boolean=true;"
            + "requires:List<String>=\"telephony,contacts\"";

    EntityManagerFactory emf;
    Fakes.Features features;
    Fakes.Events events;
    Fakes.Licences licences;
    MutableClock clock;
    ModuleServiceImpl service;

    @Before
    public void setUp() {
        emf = TestDatabase.open("crm-modules");
        features = new Fakes.Features(
                Fakes.feature("crm-core", "0.1.0", "Tessera CRM core"),
                Fakes.feature("crm-analytics", "0.1.0", null, ANALYTICS),
                Fakes.feature("crm-telephony", "0.1.0", null, TELEPHONY),
                Fakes.feature("crm-documents", "0.1.0", null, DOCUMENTS),
                Fakes.feature("jetty", "9.4.57", "Jetty"));
        features.installed.add("crm-core/0.1.0");
        events = new Fakes.Events();
        licences = new Fakes.Licences();
        clock = new MutableClock(T0, ZoneOffset.UTC);
        service = newService();
    }

    private ModuleServiceImpl newService() {
        ModuleServiceImpl s = new ModuleServiceImpl(features.service, emf, events, features.probe(), clock);
        s.licences = licences;
        return s;
    }

    @After
    public void tearDown() {
        emf.close();
    }

    private static Map<String, ModuleState> states(List<ModuleDto> list) {
        Map<String, ModuleState> m = new LinkedHashMap<>();
        list.forEach(d -> m.put(d.id(), d.state()));
        return m;
    }

    private ModuleDto get(String id) {
        return service.get(ADMIN, id);
    }

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

    // ---- enable

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
