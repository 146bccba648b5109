package io.tessera.crm.modules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleState;
import io.tessera.crm.modules.internal.Fakes.Call;
import io.tessera.crm.support.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

/** The daily licence check, on a fixed clock, against the real module service over in-memory features. */
public class LicenceExpiryWatchTest {
    static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    EntityManagerFactory emf;
    Fakes.Features features;
    Fakes.Events events;
    Fakes.Licences licences;
    MutableClock clock;
    ModuleServiceImpl modules;
    LicenceExpiryWatch watch;

    @Before
    public void setUp() {
        emf = TestDatabase.open("crm-modules");
        features = new Fakes.Features(
                Fakes.feature("crm-analytics", "0.1.0", null, ModulesFixture.ANALYTICS),
                Fakes.feature("crm-telephony", "0.1.0", null, ModulesFixture.TELEPHONY),
                Fakes.feature("crm-documents", "0.1.0", null, ModulesFixture.DOCUMENTS),
                // a free module that needs the paid analytics
                Fakes.feature("crm-reports", "0.1.0", null,
                        "tessera.crm.module;id=reports;requires:List<String>=\"analytics\""));
        events = new Fakes.Events();
        licences = new Fakes.Licences().covering("analytics", "documents");
        clock = new MutableClock(NOW, ZoneOffset.UTC);
        modules = new ModuleServiceImpl(features.service, emf, events, features.probe(), clock);
        modules.licences = licences;
        watch = new LicenceExpiryWatch(modules, licences, clock);
    }

    @After
    public void tearDown() {
        emf.close();
    }

    private Map<String, ModuleState> states() {
        Map<String, ModuleState> m = new LinkedHashMap<>();
        for (ModuleDto d : modules.list(ModulesFixture.ADMIN)) {
            m.put(d.id(), d.state());
        }
        return m;
    }

    private void enableAll() {
        licences.licence = Fakes.licence(LocalDate.of(2026, 12, 31), true, "analytics", "documents");
        modules.enable(ModulesFixture.ADMIN, "documents"); // brings telephony
        modules.enable(ModulesFixture.ADMIN, "reports"); // brings analytics
        features.calls.clear();
        events.events.clear();
    }

    @Test
    public void anExpiredLicenceDisablesThePaidModulesAndTheirDependentsFirst() {
        enableAll();
        licences.licence = Fakes.licence(LocalDate.of(2026, 11, 19), true, "analytics", "documents");
        licences.covered.clear(); // what the licence service says once it has expired

        LicenceExpiryWatch.Outcome outcome = watch.check();

        assertTrue(outcome.expired());
        // reports (free) needs analytics: it goes, and before analytics
        assertEquals(List.of("reports", "analytics", "documents"), outcome.disabled());
        assertEquals(List.of(new Call("uninstall", "crm-reports", null, NO_REFRESH),
                new Call("uninstall", "crm-analytics", null, NO_REFRESH),
                new Call("uninstall", "crm-documents", null, NO_REFRESH)), features.calls);
        assertEquals(Map.of("analytics", ModuleState.NOT_LICENSED, "documents", ModuleState.NOT_LICENSED,
                "reports", ModuleState.AVAILABLE, "telephony", ModuleState.ENABLED), states());
        assertEquals(List.of("tessera/crm/module/DISABLED", "tessera/crm/module/DISABLED",
                "tessera/crm/module/DISABLED"), events.topics());
        assertEquals("system", events.props(0).get("actor"));

        // the next day: nothing left to do
        clock.advance(Duration.ofDays(1));
        features.calls.clear();
        LicenceExpiryWatch.Outcome next = watch.check();
        assertTrue(next.expired());
        assertEquals(List.of(), next.disabled());
        assertEquals(List.of(), features.calls);
    }

    @Test
    public void aLicenceNoLongerValidCountsAsExpired() {
        enableAll();
        licences.licence = Fakes.licence(LocalDate.of(2027, 12, 31), false, "analytics", "documents");
        LicenceExpiryWatch.Outcome outcome = watch.check();
        assertTrue(outcome.expired());
        assertEquals(List.of("reports", "analytics", "documents"), outcome.disabled());
    }

    @Test
    public void theLastValidDayIsStillValid() {
        enableAll();
        licences.licence = Fakes.licence(LocalDate.of(2026, 11, 20), true, "analytics", "documents");
        LicenceExpiryWatch.Outcome outcome = watch.check();
        assertFalse(outcome.expired());
        assertTrue(outcome.warned());
        assertEquals(List.of(), features.calls);
    }

    @Test
    public void expiringWithinFourteenDaysWarnsOnceADay() {
        enableAll();
        licences.licence = Fakes.licence(LocalDate.of(2026, 12, 4), true, "analytics", "documents");
        assertEquals(new LicenceExpiryWatch.Outcome(false, List.of(), true), watch.check());
        assertEquals(new LicenceExpiryWatch.Outcome(false, List.of(), false), watch.check()); // same day
        clock.advance(Duration.ofDays(1));
        assertEquals(new LicenceExpiryWatch.Outcome(false, List.of(), true), watch.check());
        assertEquals(List.of(), features.calls);
        assertEquals(Map.of("analytics", ModuleState.ENABLED, "documents", ModuleState.ENABLED,
                "reports", ModuleState.ENABLED, "telephony", ModuleState.ENABLED), states());
    }

    @Test
    public void farFromExpiryOrWithoutLicenceNothingHappens() {
        enableAll();
        licences.licence = Fakes.licence(LocalDate.of(2026, 12, 5), true, "analytics", "documents");
        assertEquals(new LicenceExpiryWatch.Outcome(false, List.of(), false), watch.check());
        licences.licence = null;
        assertEquals(new LicenceExpiryWatch.Outcome(false, List.of(), false), watch.check());
        assertEquals(List.of(), features.calls);
    }

    @Test
    public void theNextRunIsShortlyAfterMidnight() {
        MutableClock berlin = new MutableClock(Instant.parse("2026-11-20T22:30:00Z"), ZoneId.of("Europe/Berlin"));
        // 23:30 in Berlin -> 00:05 the next day
        assertEquals(Duration.ofMinutes(35), new LicenceExpiryWatch(modules, licences, berlin).untilNextRun());
        berlin.set(Instant.parse("2026-11-20T23:02:00Z")); // 00:02 -> 00:05 the same day
        assertEquals(Duration.ofMinutes(3), new LicenceExpiryWatch(modules, licences, berlin).untilNextRun());
        berlin.set(Instant.parse("2026-11-20T23:05:00Z")); // exactly 00:05 -> tomorrow's
        assertEquals(Duration.ofHours(24), new LicenceExpiryWatch(modules, licences, berlin).untilNextRun());
    }
}
