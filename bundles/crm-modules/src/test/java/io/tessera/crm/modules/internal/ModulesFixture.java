package io.tessera.crm.modules.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleState;
import io.tessera.crm.support.testing.TestDatabase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import org.apache.karaf.features.FeaturesService;
import org.junit.After;
import org.junit.Before;

/** A module service over fake Karaf features, a fake licence service and an in-memory Derby. */
abstract class ModulesFixture {
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

    ModuleServiceImpl newService() {
        ModuleServiceImpl s = new ModuleServiceImpl(features.service, emf, events, features.probe(), clock);
        s.licences = licences;
        return s;
    }

    @After
    public void tearDown() {
        emf.close();
    }

    static Map<String, ModuleState> states(List<ModuleDto> list) {
        Map<String, ModuleState> m = new LinkedHashMap<>();
        list.forEach(d -> m.put(d.id(), d.state()));
        return m;
    }

    ModuleDto get(String id) {
        return service.get(ADMIN, id);
    }
}
