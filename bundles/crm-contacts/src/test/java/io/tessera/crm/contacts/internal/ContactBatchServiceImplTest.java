package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactBatchService.ContactUpdate;
import io.tessera.crm.api.contacts.ContactBatchService.NameInCompany;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.DuplicateService;
import io.tessera.crm.contacts.internal.Fixtures.RecordingEvents;
import io.tessera.crm.contacts.internal.Fixtures.TestClock;
import io.tessera.crm.contacts.internal.Fixtures.Users;
import io.tessera.crm.support.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;

public class ContactBatchServiceImplTest {
    private EntityManagerFactory emf;
    private RecordingEvents events;
    private ContactServiceImpl contacts;
    private CompanyServiceImpl companies;
    private ContactBatchServiceImpl batch;

    @Before
    public void setUp() {
        emf = TestDatabase.open("crm-contacts");
        events = new RecordingEvents();
        TestClock clock = new TestClock();
        Users users = new Users();
        KeySummaryCache keys = new KeySummaryCache(emf);
        contacts = new ContactServiceImpl(emf, events, users, keys, clock);
        companies = new CompanyServiceImpl(emf, events, users, keys, clock);
        batch = new ContactBatchServiceImpl(emf, events, users, keys, clock);
    }

    @After
    public void tearDown() {
        emf.close();
    }

    private static ContactInput person(String first, String last, String email, String phone, List<Long> companyIds) {
        return new ContactInput(first, last, null, phone == null ? List.of() : List.of(phone),
                email == null ? List.of() : List.of(email), null, null, Set.of("imported"), Map.of(), null, null,
                companyIds);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Event e) {
        return (List<Map<String, Object>>) e.getProperty(ContactBatchService.RECORDS);
    }

    @Test
    public void invalidItemsAreReportedPerItemAndTheOthersAreCommitted() {
        long acme = companies.create(ADMIN, new CompanyInput("Acme", null, null, null, null, null, null, null, null,
                null, null)).id();
        events.clear();
        List<BatchResult> results = batch.createContacts(ADMIN, List.of(
                person("Ivan", "Petrov", "Ivan@Acme.ru", "+7 912 345-67-89", List.of(acme)),
                person(null, null, "nobody@acme.ru", null, List.of()),
                person("Anna", "Sidorova", "not-an-email", null, List.of(999L)),
                new ContactInput("Olga", null, null, null, null, null, null, null, null, "ghost", null, null),
                person("Oleg", "Smirnov", null, null, List.of())));
        assertEquals(5, results.size());
        assertTrue(results.get(0).ok());
        assertTrue(results.get(4).ok());
        assertEquals(List.of("firstName", "lastName"), fields(results.get(1)));
        assertEquals(List.of("companyIds[0]", "emails[0]"), fields(results.get(2)));
        assertEquals(List.of("owner"), fields(results.get(3)));
        assertNull(results.get(1).id());

        ContactDto ivan = contacts.get(ADMIN, results.get(0).id());
        assertEquals(1L, ivan.version());
        assertEquals(results.get(0).version(), ivan.version());
        assertEquals(List.of("ivan@acme.ru"), ivan.emails());
        assertEquals(List.of(acme), ivan.companyIds());
        assertEquals(Set.of("imported"), ivan.tags());
        assertEquals("Oleg", contacts.get(ADMIN, results.get(4).id()).firstName());
        assertEquals(2, contacts.list(ADMIN, null).items().size());

        // the match keys are filled as on the single-record path
        EntityManager em = emf.createEntityManager();
        try {
            ContactEntity e = em.find(ContactEntity.class, results.get(0).id());
            assertEquals("ivan petrov", e.nameKey);
            assertEquals("9123456789", e.phones.get(0).matchKey());
        } finally {
            em.close();
        }

        // one asynchronous batch event with one record per created contact, as the single events would carry
        assertEquals(List.of("tessera/crm/contact/CREATED_BATCH"), events.topics());
        Event e = events.last();
        assertEquals("admin", e.getProperty(CrmEvents.ACTOR));
        List<Map<String, Object>> records = records(e);
        assertEquals(2, records.size());
        assertEquals(results.get(0).id(), records.get(0).get(CrmEvents.ID));
        assertEquals("Contact 'Ivan Petrov' created", records.get(0).get(CrmEvents.SUMMARY));
        assertEquals(List.of(acme), records.get(0).get(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(results.get(0).id()), records.get(0).get(CrmEvents.CONTACT_IDS));
        assertEquals("admin", records.get(0).get(CrmEvents.OWNER));
        assertEquals(results.get(4).id(), records.get(1).get(CrmEvents.ID));
    }

    /** The bulk insert mirrors the JPA mappings: every field reads back as the single-record service stores it. */
    @Test
    public void batchCreatedRecordsReadBackLikeSingleCreatedOnes() {
        CompanyInput acmeInput = new CompanyInput("Acme Ltd", "Acme Limited", "7701234567", "Retail",
                "https://www.acme.ru/shop", List.of("+7 495 123-45-67", "8 800 555 35 35"), List.of("Info@Acme.ru"),
                new io.tessera.crm.api.contacts.Address("Tverskaya 1", "Moscow", null, "125009", "RU"),
                Set.of("key", "retail"), Map.of("tier", "gold"), "ivan");
        var single = companies.create(ADMIN, acmeInput);
        var viaBatch = companies.get(ADMIN, batch.createCompanies(ADMIN, List.of(acmeInput)).get(0).id());
        assertEquals(withoutIdentity(single.toString(), single.id()), withoutIdentity(viaBatch.toString(), viaBatch.id()));

        ContactInput ivanInput = new ContactInput("Ivan", "Petrov", "CEO", List.of("+7 912 345-67-89", "8 (912) 000-11-22"),
                List.of("Ivan@Acme.ru", "ivan@home.ru"), java.time.LocalDate.of(1980, 5, 17), "likes tea",
                Set.of("vip", "imported"), Map.of("tier", "gold"), "ivan", "fair", List.of(single.id(), viaBatch.id()));
        ContactDto one = contacts.create(ADMIN, ivanInput);
        ContactDto two = contacts.get(ADMIN, batch.createContacts(ADMIN, List.of(ivanInput)).get(0).id());
        assertEquals(withoutIdentity(one.toString(), one.id()), withoutIdentity(two.toString(), two.id()));
        // the owner sees it, the search and the list find it, JPA updates it, new JPA records get other ids
        assertEquals(two.id(), contacts.get(IVAN, two.id()).id());
        ContactDto updated = contacts.update(ADMIN, two.id(), two.version(), new ContactInput("Ivan", "Petrov", "CTO",
                two.phones(), two.emails(), two.birthday(), two.notes(), two.tags(), two.customFields(), two.owner(),
                two.source(), two.companyIds()));
        assertEquals(2L, updated.version());
        assertEquals(List.of("+7 912 345-67-89", "8 (912) 000-11-22"), updated.phones());
        ContactDto later = contacts.create(ADMIN, person("Oleg", "Smirnov", null, null, List.of()));
        assertTrue(later.id() != two.id() && later.id() != one.id());
    }

    private static String withoutIdentity(String dto, long id) {
        return dto.replace("id=" + id + ",", "id=X,");
    }

    @Test
    public void bulkMatchesFindLiveVisibleRecordsByEveryRule() {
        long acme = companies.create(ADMIN, new CompanyInput("ООО \"Ромашка\"", null, "77-01 234567", null,
                "https://www.romashka.ru/about", null, null, null, null, null, "ivan")).id();
        long ivan = contacts.create(ADMIN, new ContactInput("Ivan", "Petrov", null, List.of("8 (912) 345-67-89"),
                List.of("Ivan@Acme.ru"), null, null, null, null, "ivan", null, List.of(acme))).id();
        long olgas = contacts.create(ADMIN, new ContactInput("Olga", "Orlova", null, List.of("+7 912 000-00-01"),
                List.of("olga@acme.ru"), null, null, null, null, "olga", null, List.of(acme))).id();
        long archived = contacts.create(ADMIN, person("Old", "Card", "old@acme.ru", null, List.of())).id();
        contacts.archive(ADMIN, archived);

        assertEquals(Map.of("IVAN@acme.ru", ivan, "olga@acme.ru", olgas), batch.matchContacts(ADMIN,
                DuplicateService.RULE_EMAIL, List.of("IVAN@acme.ru", "olga@acme.ru", "old@acme.ru", "nobody@x.ru", "")));
        assertEquals(Map.of("+79123456789", ivan, "79120000001", olgas), batch.matchContacts(ADMIN,
                DuplicateService.RULE_PHONE, List.of("+79123456789", "79120000001", "123")));
        // a sales user finds only their own cards
        assertEquals(Map.of("+79123456789", ivan), batch.matchContacts(IVAN, DuplicateService.RULE_PHONE,
                List.of("+79123456789", "79120000001")));

        NameInCompany typo = new NameInCompany("Ivan", "Pertov", acme);
        NameInCompany patronymic = new NameInCompany("Ivan Ivanovich", "Petrov", acme);
        NameInCompany otherCompany = new NameInCompany("Ivan", "Petrov", acme + 1000);
        NameInCompany wife = new NameInCompany("Ivan", "Petrova", acme);
        assertEquals(Map.of(typo, ivan, patronymic, ivan),
                batch.matchContactsByName(ADMIN, List.of(typo, patronymic, otherCompany, wife)));

        assertEquals(Map.of("7701234567", acme), batch.matchCompanies(ADMIN, DuplicateService.RULE_TAX_ID,
                List.of("7701234567", "1")));
        assertEquals(Map.of("romashka.ru", acme, "http://romashka.ru", acme), batch.matchCompanies(ADMIN,
                DuplicateService.RULE_DOMAIN, List.of("romashka.ru", "http://romashka.ru", "acme.com")));
        assertEquals(Map.of("Ромашка", acme), batch.matchCompanies(ADMIN, DuplicateService.RULE_NAME,
                List.of("Ромашка", "Лютик")));
        assertEquals(List.of("rule"), Fixtures.fields(() -> batch.matchContacts(ADMIN, "TAX_ID", List.of("1"))));

        // the summary says "no" for values nothing has, "maybe" for stored ones in any spelling
        ContactBatchService.KeySummary summary = batch.keySummary(ADMIN);
        assertTrue(summary.mightMatch(DuplicateService.RULE_EMAIL, "IVAN@acme.ru"));
        assertTrue(summary.mightMatch(DuplicateService.RULE_PHONE, "+7 912 345 67 89"));
        assertTrue(summary.mightMatch(DuplicateService.RULE_TAX_ID, "7701234567"));
        assertTrue(summary.mightMatch(DuplicateService.RULE_DOMAIN, "http://romashka.ru"));
        assertTrue(summary.mightMatch(DuplicateService.RULE_NAME, "Ромашка"));
        assertFalse(summary.mightMatch(DuplicateService.RULE_EMAIL, "nobody@x.ru"));
        assertFalse(summary.mightMatch(DuplicateService.RULE_PHONE, "+7 999 000 00 00"));
        assertFalse(summary.mightMatch(DuplicateService.RULE_NAME, "Лютик"));
        assertFalse(summary.mightMatch(DuplicateService.RULE_PHONE, "123"));
        assertTrue(summary.mightMatch("SOMETHING_NEW", "x"));
    }

    @Test
    public void archivingInBulkIsPerItemAndAnnouncedOnce() {
        ContactDto a = contacts.create(ADMIN, person("Ivan", "Petrov", "ivan@acme.ru", null, List.of()));
        ContactDto b = contacts.create(ADMIN, person("Olga", "Orlova", null, null, List.of()));
        contacts.archive(ADMIN, b.id());
        events.clear();
        List<BatchResult> results = batch.archiveContacts(ADMIN, List.of(a.id(), b.id(), 9999L));
        assertTrue(results.get(0).ok());
        assertEquals(a.version() + 1, (long) results.get(0).version());
        assertTrue(results.get(1).ok()); // already archived: unchanged
        assertEquals(b.version() + 1, (long) results.get(1).version());
        assertTrue(results.get(2).error() instanceof NotFoundException);
        assertTrue(contacts.get(ADMIN, a.id()).archived());
        assertEquals(List.of("tessera/crm/contact/ARCHIVED_BATCH"), events.topics());
        assertEquals(1, records(events.last()).size());
        assertEquals("Contact 'Ivan Petrov' archived", records(events.last()).get(0).get(CrmEvents.SUMMARY));
        // a sales user archives only what they see
        assertTrue(batch.archiveCompanies(IVAN, List.of(companies.create(ADMIN, new CompanyInput("Acme", null, null,
                null, null, null, null, null, null, null, "olga")).id())).get(0).error() instanceof NotFoundException);
    }

    @Test
    public void idsAreDistinctAcrossManyFlushes() {
        List<ContactInput> inputs = new ArrayList<>();
        for (int i = 0; i < BatchWrites.FLUSH_EVERY + 250; i++) {
            inputs.add(person("P" + i, "L" + i, "p" + i + "@x.ru", null, List.of()));
        }
        List<BatchResult> results = batch.createContacts(ADMIN, inputs);
        assertEquals(inputs.size(), results.stream().filter(BatchResult::ok).map(BatchResult::id).distinct().count());
        assertEquals("P1100", contacts.get(ADMIN, results.get(1100).id()).firstName());
        assertEquals(inputs.size(), records(events.last()).size());
    }

    @Test
    public void updatesCheckVersionVisibilityAndValidationPerItem() {
        ContactDto a = contacts.create(ADMIN, person("Ivan", "Petrov", "ivan@acme.ru", null, List.of()));
        ContactDto b = contacts.create(ADMIN, person("Anna", "Sidorova", "anna@acme.ru", null, List.of()));
        ContactDto c = contacts.create(ADMIN, person("Oleg", "Smirnov", null, null, List.of()));
        ContactDto archived = contacts.archive(ADMIN,
                contacts.create(ADMIN, person("Old", "One", null, null, List.of())).id());
        events.clear();
        List<BatchResult> results = batch.updateContacts(ADMIN, List.of(
                new ContactUpdate(a.id(), a.version(), person("Ivan", "Petrov", "ivan@acme.ru", "+79123456789",
                        List.of())),
                new ContactUpdate(b.id(), b.version() + 5, person("Anna", "S", null, null, List.of())),
                new ContactUpdate(c.id(), c.version(), person("Oleg", "Smirnov", "bad@", null, List.of())),
                new ContactUpdate(424242L, 1, person("X", "Y", null, null, List.of())),
                new ContactUpdate(archived.id(), archived.version(), person("Old", "Two", null, null, List.of())),
                new ContactUpdate(c.id(), c.version(), person("Oleg", "Smirnov", null, null, List.of()))));
        assertTrue(results.get(0).ok());
        assertEquals(a.version() + 1, results.get(0).version());
        assertTrue(results.get(1).error() instanceof StaleVersionException);
        assertEquals(List.of("emails[0]"), fields(results.get(2)));
        assertTrue(results.get(3).error() instanceof NotFoundException);
        assertTrue(results.get(4).error() instanceof ConflictException);
        assertTrue(results.get(5).error() instanceof ConflictException); // c listed twice

        ContactDto updated = contacts.get(ADMIN, a.id());
        assertEquals(List.of("+79123456789"), updated.phones());
        assertEquals(a.version() + 1, updated.version());
        assertEquals(b, contacts.get(ADMIN, b.id()));
        assertEquals(List.of("tessera/crm/contact/UPDATED_BATCH"), events.topics());
        List<Map<String, Object>> records = records(events.last());
        assertEquals(1, records.size());
        assertEquals("Contact 'Ivan Petrov' updated (phones)", records.get(0).get(CrmEvents.SUMMARY));

        // a sales user cannot see admin's contacts: not found, as on the single path
        BatchResult hidden = batch.updateContacts(IVAN, List.of(new ContactUpdate(a.id(), updated.version(),
                person("Ivan", "P", null, null, List.of())))).get(0);
        assertTrue(hidden.error() instanceof NotFoundException);
        assertEquals(List.of(), batch.getContacts(IVAN, List.of(a.id())));
        assertEquals(List.of(updated), batch.getContacts(ADMIN, List.of(a.id(), 424242L)));
    }

    @Test
    public void unchangedUpdateSendsNoEventAndCompaniesWorkTheSame() {
        ContactDto a = contacts.create(ADMIN, person("Ivan", "Petrov", "ivan@acme.ru", null, List.of()));
        events.clear();
        BatchResult same = batch.updateContacts(ADMIN, List.of(new ContactUpdate(a.id(), a.version(),
                person("Ivan", "Petrov", "ivan@acme.ru", null, List.of())))).get(0);
        assertEquals(a.version(), same.version());
        assertEquals(List.of(), events.topics());

        List<BatchResult> created = batch.createCompanies(ADMIN, List.of(
                new CompanyInput("ООО \"Ромашка\"", null, "77-01 234567", null, "https://www.romashka.ru", null,
                        null, null, null, null, null),
                new CompanyInput(" ", null, null, null, null, null, null, null, null, null, null)));
        assertTrue(created.get(0).ok());
        assertEquals(List.of("name"), fields(created.get(1)));
        EntityManager em = emf.createEntityManager();
        try {
            CompanyEntity e = em.find(CompanyEntity.class, created.get(0).id());
            assertEquals("ромашка", e.nameKey);
            assertEquals("7701234567", e.taxKey);
            assertEquals("romashka.ru", e.domain);
        } finally {
            em.close();
        }
        assertEquals("tessera/crm/company/CREATED_BATCH", events.last().getTopic());
        List<BatchResult> updated = batch.updateCompanies(ADMIN, List.of(new ContactBatchService.CompanyUpdate(
                created.get(0).id(), created.get(0).version(), new CompanyInput("Romashka", null, "77-01 234567",
                null, "https://www.romashka.ru", null, null, null, null, null, null))));
        assertEquals(created.get(0).version() + 1, updated.get(0).version());
        assertEquals("Company 'Romashka' updated (name)",
                records(events.last()).get(0).get(CrmEvents.SUMMARY));
    }

    private static List<String> fields(BatchResult r) {
        assertTrue("expected a validation error: " + r, r.error() instanceof ValidationException);
        return ((ValidationException) r.error()).errors().stream().map(f -> f.field()).sorted().toList();
    }

    @Test
    public void matchKeysAreTheKeysTheLookupsCompareBy() {
        Map<String, String> names = batch.matchKeys(DuplicateService.RULE_NAME,
                List.of("ООО \"Ромашка\"", "«Ромашка»", "Ромашка Плюс", " "));
        assertEquals("ромашка", names.get("ООО \"Ромашка\""));
        assertEquals("ромашка", names.get("«Ромашка»"));
        assertEquals("ромашка плюс", names.get("Ромашка Плюс"));
        assertFalse(names.containsKey(" "));
        Map<String, String> phones = batch.matchKeys(DuplicateService.RULE_PHONE,
                List.of("8 (912) 345-67-89", "+7 912 3456789", "101"));
        assertEquals(phones.get("8 (912) 345-67-89"), phones.get("+7 912 3456789"));
        assertFalse(phones.containsKey("101"));
        Map<String, String> people = batch.matchKeys(DuplicateService.RULE_NAME_IN_COMPANY,
                List.of("Иван  Петров", "петров иван", "Пётр Иванов", "Петр Иванов"));
        assertEquals(people.get("Иван  Петров"), people.get("петров иван"));
        assertEquals(people.get("Пётр Иванов"), people.get("Петр Иванов"));
        assertEquals(List.of(List.of(0, 2, 3)), batch.similarNameGroups(List.of("Иван Петров", "Иван Петрова",
                "Петорв Иван", "И. Петров", " ", "Анна Смирнова")));
        try {
            batch.matchKeys("SOUNDEX", List.of("x"));
            throw new AssertionError("an unknown rule must be refused");
        } catch (ValidationException e) {
            assertEquals("rule", e.errors().get(0).field());
        }
    }
}
