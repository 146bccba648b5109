package io.tessera.crm.timeline.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.timeline.TimelineEntryDto;
import io.tessera.crm.api.timeline.TimelineQuery;
import io.tessera.crm.support.testing.FakeCompanies;
import io.tessera.crm.support.testing.FakeContacts;
import io.tessera.crm.support.testing.FakeDeals;
import io.tessera.crm.support.testing.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.junit.After;
import org.junit.Before;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;

/** One fresh database, fake record services and the bundle's three components per test. */
public abstract class TimelineTestBase {
    static final Caller ADMIN = Caller.of("admin", Roles.ADMIN);
    static final Caller MANAGER = Caller.of("mia", Roles.MANAGER);
    static final Caller ALICE = Caller.of("alice", Roles.SALES);
    static final Caller BOB = Caller.of("bob", Roles.SALES);
    static final Caller CAROL = Caller.of("carol", Roles.SALES);
    static final long T0 = 1_790_000_000_000L;

    EntityManagerFactory emf;
    final FakeCompanies companies = new FakeCompanies();
    final FakeContacts contacts = new FakeContacts();
    final FakeDeals deals = new FakeDeals();
    final RecordingEventAdmin events = new RecordingEventAdmin();
    final TestClock clock = new TestClock(T0);
    TimelineRecorder recorder;
    TimelineServiceImpl timeline;
    NoteServiceImpl notes;

    @Before
    public void setUpDatabase() {
        emf = TestDatabase.open("crm-timeline");
        // alice owns company 1, contact 10, deal 100; bob owns company 2, contact 20, deal 200.
        companies.add(1, "alice").add(2, "bob").add(3, "alice");
        contacts.add(10, "alice").add(20, "bob").add(11, "alice");
        deals.add(100, "alice").add(200, "bob");
        recorder = new TimelineRecorder(emf, clock);
        timeline = new TimelineServiceImpl(emf, companies, contacts, deals);
        notes = new NoteServiceImpl(emf, events, companies, contacts, deals, clock);
    }

    @After
    public void closeDatabase() {
        if (emf != null && emf.isOpen()) {
            emf.close();
        }
    }

    static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> props = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    /** Delivers an event to the recorder, at the given time. */
    void record(long at, String entity, String action, Object... keysAndValues) {
        Map<String, Object> props = props(keysAndValues);
        props.put(EventConstants.TIMESTAMP, at);
        recorder.handleEvent(new Event(CrmEvents.topic(entity, action), props));
    }

    List<TimelineEntryDto> companyHistory(Caller caller, long id) {
        return timeline.history(caller, new TimelineQuery(id, null, null, new Paging(500, null))).items();
    }

    List<TimelineEntryDto> contactHistory(Caller caller, long id) {
        return timeline.history(caller, new TimelineQuery(null, id, null, new Paging(500, null))).items();
    }

    List<TimelineEntryDto> dealHistory(Caller caller, long id) {
        return timeline.history(caller, new TimelineQuery(null, null, id, new Paging(500, null))).items();
    }

    long count(String jpql) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery(jpql, Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }

    long entries() {
        return count("SELECT COUNT(e) FROM TimelineEntryEntity e");
    }
}
