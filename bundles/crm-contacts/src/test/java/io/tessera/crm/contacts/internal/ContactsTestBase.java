package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.DuplicateGroup;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.contacts.internal.Fixtures.RecordingEvents;
import io.tessera.crm.contacts.internal.Fixtures.TestClock;
import io.tessera.crm.contacts.internal.Fixtures.Users;
import io.tessera.crm.support.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.junit.After;
import org.junit.Before;

/** The services, fixtures and helpers the contacts bundle's service tests share: real services on in-memory Derby. */
abstract class ContactsTestBase {
    EntityManagerFactory emf;
    RecordingEvents events;
    TestClock clock;
    KeySummaryCache keys;
    CompanyServiceImpl companies;
    ContactServiceImpl contacts;
    DuplicateServiceImpl duplicates;

    @Before
    public void setUp() {
        emf = TestDatabase.open("crm-contacts");
        events = new RecordingEvents();
        clock = new TestClock();
        Users users = new Users();
        keys = new KeySummaryCache(emf);
        companies = new CompanyServiceImpl(emf, events, users, keys, clock);
        contacts = new ContactServiceImpl(emf, events, users, keys, clock);
        duplicates = new DuplicateServiceImpl(emf, events, clock);
    }

    @After
    public void tearDown() {
        emf.close();
    }

    /** Custom fields of each type a value can have: a whole number, a decimal, a flag and a text. */
    static Map<String, Object> customFieldsOfEveryType() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("shoeSize", 43);
        custom.put("discount", new BigDecimal("7.5"));
        custom.put("newsletter", false);
        custom.put("nickname", "Vanya");
        return custom;
    }

    static ContactInput person(String first, String last, List<String> phones, List<String> emails,
                               List<Long> companyIds, String owner) {
        return new ContactInput(first, last, null, phones, emails, null, null, null, null, owner, null, companyIds);
    }

    long contact(Caller caller, String first, String last, List<String> phones, List<String> emails,
                 List<Long> companyIds) {
        return contacts.create(caller, person(first, last, phones, emails, companyIds, null)).id();
    }

    long contact(String first, String last, List<String> phones, List<String> emails) {
        return contact(ADMIN, first, last, phones, emails, List.of());
    }

    static CompanyInput org(String name, String taxId, String website, String owner) {
        return new CompanyInput(name, null, taxId, null, website, null, null, null, null, null, owner);
    }

    long company(String name, String taxId, String website) {
        return companies.create(ADMIN, org(name, taxId, website, null)).id();
    }

    static List<String> describe(Page<DuplicateGroup> page) {
        return page.items().stream().map(g -> g.rule() + " " + g.ids() + " " + g.reason()).toList();
    }

    Long mergedInto(Class<?> type, long id) {
        EntityManager em = emf.createEntityManager();
        try {
            Object v = em.createQuery("SELECT e.mergedInto FROM " + type.getSimpleName() + " e WHERE e.id = :id")
                    .setParameter("id", id).getSingleResult();
            return (Long) v;
        } finally {
            em.close();
        }
    }

    static ContactInput person(String first, String last) {
        return new ContactInput(first, last, null, null, null, null, null, null, null, null, null, null);
    }

    static ContactInput person(String first, String last, List<Long> companyIds) {
        return new ContactInput(first, last, null, null, null, null, null, null, null, null, null, companyIds);
    }

    static ContactInput person(String first, String last, String owner) {
        return new ContactInput(first, last, null, null, null, null, null, null, null, owner, null, null);
    }

    static ContactInput from(ContactDto c) {
        return new ContactInput(c.firstName(), c.lastName(), c.position(), c.phones(), c.emails(), c.birthday(),
                c.notes(), c.tags(), c.customFields(), c.owner(), c.source(), c.companyIds());
    }

    long company(Caller caller, String name) {
        return companies.create(caller, CompanyTestBase.input(name)).id();
    }

    static List<String> lastNames(Page<ContactDto> page) {
        return page.items().stream().map(c -> Mapping.displayName(c.firstName(), c.lastName())).toList();
    }

    static RecordQuery q(String q) {
        return new RecordQuery(q, null, null, null, false, null, Paging.FIRST);
    }

    static RecordQuery ofCompany(long companyId) {
        return new RecordQuery(null, null, null, companyId, false, null, Paging.FIRST);
    }
}
