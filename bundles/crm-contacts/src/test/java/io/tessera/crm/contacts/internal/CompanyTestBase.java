package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.contacts.internal.Fixtures.RecordingEvents;
import io.tessera.crm.contacts.internal.Fixtures.TestClock;
import io.tessera.crm.contacts.internal.Fixtures.Users;
import io.tessera.crm.support.testing.TestDatabase;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.junit.After;
import org.junit.Before;

/** A fresh database with the company service on it (its own clock and events), and inputs to give it. */
abstract class CompanyTestBase {
    EntityManagerFactory emf;
    RecordingEvents events;
    TestClock clock;
    CompanyServiceImpl companies;

    @Before
    public void setUp() {
        emf = TestDatabase.open("crm-contacts");
        events = new RecordingEvents();
        clock = new TestClock();
        companies = new CompanyServiceImpl(emf, events, new Users(), new KeySummaryCache(emf), clock);
    }

    @After
    public void tearDown() {
        emf.close();
    }

    static CompanyInput input(String name) {
        return new CompanyInput(name, null, null, null, null, null, null, null, null, null, null);
    }

    static CompanyInput input(String name, String owner) {
        return new CompanyInput(name, null, null, null, null, null, null, null, null, null, owner);
    }

    static List<String> names(Page<CompanyDto> page) {
        return page.items().stream().map(CompanyDto::name).toList();
    }

    static RecordQuery q(String q) {
        return new RecordQuery(q, null, null, null, false, null, Paging.FIRST);
    }

    static RecordQuery sorted(String sort) {
        return new RecordQuery(null, null, null, null, false, sort, Paging.FIRST);
    }
}
