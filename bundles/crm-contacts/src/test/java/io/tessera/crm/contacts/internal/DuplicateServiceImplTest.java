package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static io.tessera.crm.contacts.internal.Fixtures.MANAGER;
import static io.tessera.crm.contacts.internal.Fixtures.OLGA;
import static io.tessera.crm.contacts.internal.Fixtures.expect;
import static io.tessera.crm.contacts.internal.Fixtures.validationErrors;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.DuplicateGroup;
import io.tessera.crm.api.contacts.MergeConflict;
import io.tessera.crm.api.contacts.MergeRecord;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.contacts.internal.Fixtures.RecordingEvents;
import io.tessera.crm.contacts.internal.Fixtures.TestClock;
import io.tessera.crm.contacts.internal.Fixtures.Users;
import io.tessera.crm.support.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;

public class DuplicateServiceImplTest {
    private EntityManagerFactory emf;
    private RecordingEvents events;
    private TestClock clock;
    private CompanyServiceImpl companies;
    private ContactServiceImpl contacts;
    private DuplicateServiceImpl duplicates;

    @Before
    public void setUp() {
        emf = TestDatabase.open("crm-contacts");
        events = new RecordingEvents();
        clock = new TestClock();
        Users users = new Users();
        companies = new CompanyServiceImpl(emf, events, users, clock);
        contacts = new ContactServiceImpl(emf, events, users, clock);
        duplicates = new DuplicateServiceImpl(emf, events, clock);
    }

    @After
    public void tearDown() {
        emf.close();
    }

    private static ContactInput person(String first, String last, List<String> phones, List<String> emails,
                                       List<Long> companyIds, String owner) {
        return new ContactInput(first, last, null, phones, emails, null, null, null, null, owner, null, companyIds);
    }

    private long contact(Caller caller, String first, String last, List<String> phones, List<String> emails,
                         List<Long> companyIds) {
        return contacts.create(caller, person(first, last, phones, emails, companyIds, null)).id();
    }

    private long contact(String first, String last, List<String> phones, List<String> emails) {
        return contact(ADMIN, first, last, phones, emails, List.of());
    }

    private static CompanyInput org(String name, String taxId, String website, String owner) {
        return new CompanyInput(name, null, taxId, null, website, null, null, null, null, null, owner);
    }

    private long company(String name, String taxId, String website) {
        return companies.create(ADMIN, org(name, taxId, website, null)).id();
    }

    private static List<String> describe(Page<DuplicateGroup> page) {
        return page.items().stream().map(g -> g.rule() + " " + g.ids() + " " + g.reason()).toList();
    }

    // ------------------------------------------------------------------ rules

    @Test
    public void sameEmailIgnoringCaseGroupsLiveContacts() {
        long a = contact("Ivan", "Petrov", null, List.of("ivan@x.com"));
        long b = contact("I.", "Petrov", null, List.of("other@y.com", "IVAN@X.com"));
        long archived = contact("Ivan", "P", null, List.of("Ivan@x.com"));
        contacts.archive(ADMIN, archived);
        contact("Olga", "Sidorova", null, List.of("olga@x.com"));
        assertEquals(List.of("EMAIL [" + a + ", " + b + "] same email ivan@x.com"),
                describe(duplicates.contactDuplicates(ADMIN, Paging.FIRST)));
    }

    @Test
    public void samePhoneComparesTheLastTenDigits() {
        long a = contact("A", "One", List.of("8 (912) 345-67-89"), null);
        long b = contact("B", "Two", List.of("+7 912 3456789"), null);
        long c = contact("C", "Three", List.of("+1 555 0100", "79123456789"), null);
        contact("D", "Four", List.of("+7 912 345-67-80"), null);
        contact("E", "Ext", List.of("101"), null);
        contact("F", "Ext", List.of("101"), null);
        assertEquals(List.of("PHONE [" + a + ", " + b + ", " + c + "] same phone 8 (912) 345-67-89"),
                describe(duplicates.contactDuplicates(ADMIN, Paging.FIRST)));
    }

    @Test
    public void sameNameOnlyWithinTheSameCompany() {
        long acme = company("Acme", null, null);
        long other = company("Other", null, null);
        long a = contact(ADMIN, "Ivan", "Petrov", null, null, List.of(acme));
        long b = contact(ADMIN, " IVAN ", " petrov", null, null, List.of(other, acme));
        long c = contact(ADMIN, "Petrov", "Ivan", null, null, List.of(acme));
        long d = contact(ADMIN, "Ivan", "Petrov", null, null, List.of());
        contact(ADMIN, "Ivan", "Petrovsky", null, null, List.of(acme));
        contact(ADMIN, "Пётр", "Иванов", null, null, List.of(other));
        long e = contact(ADMIN, "Петр", "Иванов", null, null, List.of(other));
        long f = contact(ADMIN, "Пётр", "Иванов", null, null, List.of(other));
        assertTrue(d > 0);
        assertEquals(List.of(
                "NAME_IN_COMPANY [" + a + ", " + b + ", " + c + "] same name Ivan Petrov in company Acme",
                "NAME_IN_COMPANY [" + (e - 1) + ", " + e + ", " + f + "] same name Пётр Иванов in company Other"),
                describe(duplicates.contactDuplicates(ADMIN, Paging.FIRST)));
    }

    @Test
    public void similarNamesWithinACompanyAreListedWithTheirSpellings() {
        long romashka = company("ООО \"Ромашка\"", null, null);
        long other = company("Other", null, null);
        long a = contact(ADMIN, "Иван", "Петров", null, null, List.of(romashka));
        long b = contact(ADMIN, "Петорв", "Иван", null, null, List.of(romashka));
        long c = contact(ADMIN, "И.", "Петров", null, null, List.of(romashka));
        long d = contact(ADMIN, "Иван Иванович", "Петров", null, null, List.of(romashka));
        contact(ADMIN, "Иван", "Петрова", null, null, List.of(romashka));
        contact(ADMIN, "Иван", "Петорв", null, null, List.of(other));
        contact(ADMIN, "Ivan", "Petrov", null, null, List.of(other));
        assertEquals(List.of("NAME_IN_COMPANY [" + a + ", " + b + ", " + c + ", " + d + "] similar names Иван Петров, "
                        + "Петорв Иван, И. Петров, Иван Иванович Петров in company ООО \"Ромашка\""),
                describe(duplicates.contactDuplicates(ADMIN, Paging.FIRST)));
    }

    @Test
    public void similarNameGroupsAreVisibleOnlyWhenTheCallerSeesEveryMember() {
        long acme = company("Acme", null, null);
        // a manager links sales people's cards to the company (they could not link to one they do not see)
        long i1 = contacts.create(MANAGER, person("Anna", "Smirnova", null, null, List.of(acme), "ivan")).id();
        long i2 = contacts.create(MANAGER, person("A.", "Smirnova", null, null, List.of(acme), "ivan")).id();
        contacts.create(MANAGER, person("Boris", "Orlov", null, null, List.of(acme), "ivan"));
        contacts.create(MANAGER, person("Boris", "Orlvo", null, null, List.of(acme), "olga"));
        assertEquals(List.of("NAME_IN_COMPANY [" + i1 + ", " + i2 + "] similar names Anna Smirnova, A. Smirnova "
                + "in company #" + acme), describe(duplicates.contactDuplicates(IVAN, Paging.FIRST)));
        assertEquals(2, duplicates.contactDuplicates(MANAGER, Paging.FIRST).items().size());
    }

    @Test
    public void companiesByTaxIdDomainAndNormalisedName() {
        long a = company("Acme", "7701234567", "https://www.acme.com/about");
        long b = company("Acme Trading", "77-01 234567", null);
        long c = company("Foo", null, "acme.com");
        long d = company("ООО \"Ромашка\"", null, null);
        long e = company("«Ромашка»", null, null);
        long f = company("Ромашка, LLC", null, null);
        company("Ромашка Плюс", null, null);
        assertEquals(List.of(
                "TAX_ID [" + a + ", " + b + "] same tax id 7701234567",
                "DOMAIN [" + a + ", " + c + "] same domain acme.com",
                "NAME [" + d + ", " + e + ", " + f + "] same name ООО \"Ромашка\""),
                describe(duplicates.companyDuplicates(ADMIN, Paging.FIRST)));
    }

    @Test
    public void groupsAreVisibleOnlyWhenTheCallerSeesEveryMember() {
        long i1 = contact(IVAN, "I", "One", null, List.of("shared@x.com"), List.of());
        long i2 = contact(IVAN, "I", "Two", null, List.of("shared@x.com", "mine@x.com"), List.of());
        long o1 = contact(OLGA, "O", "One", null, List.of("shared@x.com"), List.of());
        long i3 = contact(IVAN, "I", "Three", null, List.of("mine@x.com"), List.of());
        assertEquals(List.of("EMAIL [" + i2 + ", " + i3 + "] same email mine@x.com"),
                describe(duplicates.contactDuplicates(IVAN, Paging.FIRST)));
        assertEquals(List.of(), describe(duplicates.contactDuplicates(OLGA, Paging.FIRST)));
        assertEquals(List.of("EMAIL [" + i2 + ", " + i3 + "] same email mine@x.com",
                        "EMAIL [" + i1 + ", " + i2 + ", " + o1 + "] same email shared@x.com"),
                describe(duplicates.contactDuplicates(MANAGER, Paging.FIRST)));

        long ca = companies.create(IVAN, org("Ivan's", "123456789", null, null)).id();
        companies.create(OLGA, org("Olga's", "123456789", null, null));
        assertEquals(List.of(), describe(duplicates.companyDuplicates(IVAN, Paging.FIRST)));
        assertEquals(1, duplicates.companyDuplicates(ADMIN, Paging.FIRST).items().size());
        assertTrue(ca > 0);
    }

    @Test
    public void companyNameInTheReasonOnlyWhenTheCallerSeesTheCompany() {
        long olgas = companies.create(OLGA, org("Secret Ltd", null, null, null)).id();
        // A manager links Ivan's two cards to Olga's company.
        long a = contacts.create(MANAGER, person("Ivan", "Petrov", null, null, List.of(olgas), "ivan")).id();
        long b = contacts.create(MANAGER, person("Ivan", "Petrov", null, null, List.of(olgas), "ivan")).id();
        assertEquals(List.of("NAME_IN_COMPANY [" + a + ", " + b + "] same name Ivan Petrov in company #" + olgas),
                describe(duplicates.contactDuplicates(IVAN, Paging.FIRST)));
    }

    @Test
    public void pagingGivesEveryGroupOnceAcrossRules() {
        long acme = company("Acme", null, null);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long x = contact("E" + i, "A", null, List.of("e" + i + "@x.com"));
            long y = contact("E" + i, "B", null, List.of("e" + i + "@x.com"));
            expected.add("EMAIL [" + x + ", " + y + "] same email e" + i + "@x.com");
        }
        for (int i = 0; i < 2; i++) {
            long x = contact("P" + i, "A", List.of("+7 900 000000" + i), null);
            long y = contact("P" + i, "B", List.of("8 900 000000" + i), null);
            expected.add("PHONE [" + x + ", " + y + "] same phone +7 900 000000" + i);
        }
        long x = contact(ADMIN, "Zed", "Zulu", null, null, List.of(acme));
        long y = contact(ADMIN, "Zed", "Zulu", null, null, List.of(acme));
        expected.add("NAME_IN_COMPANY [" + x + ", " + y + "] same name Zed Zulu in company Acme");

        for (int limit = 1; limit <= 7; limit++) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Page<DuplicateGroup> page = duplicates.contactDuplicates(ADMIN, new Paging(limit, cursor));
                seen.addAll(describe(page));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null && pages < 20);
            assertEquals("limit " + limit, expected, seen);
            assertEquals("limit " + limit, (6 + limit - 1) / limit, pages);
        }
        assertEquals(List.of("cursor: is not a cursor this server gave out"),
                validationErrors(() -> duplicates.contactDuplicates(ADMIN, new Paging(5, "bm9wZQ"))));
        // Rule 7 does not exist.
        assertEquals(List.of("cursor: is not a cursor this server gave out"),
                validationErrors(() -> duplicates.companyDuplicates(ADMIN, new Paging(5, DuplicateRules.encode(7, 0)))));
    }

    // ------------------------------------------------------------------ matching

    @Test
    public void matchContactsByEmailPhoneAndNameInCompany() {
        long acme = company("Acme", null, null);
        long a = contact(ADMIN, "Ivan", "Petrov", List.of("8 (912) 345-67-89"), null, List.of());
        long b = contact(ADMIN, "Olga", "S", null, List.of("olga@x.com"), List.of());
        long c = contact(ADMIN, "Petr", "Sidorov", null, null, List.of(acme));
        long archived = contact(ADMIN, "Gone", "Away", null, List.of("olga@x.com"), List.of());
        contacts.archive(ADMIN, archived);
        long olgas = contact(OLGA, "Olga", "Own", null, List.of("olga@x.com"), List.of());

        assertEquals(List.of(a), duplicates.matchContacts(ADMIN,
                person("X", null, List.of("+7 912 3456789"), null, null, null)));
        assertEquals(List.of(b, olgas), duplicates.matchContacts(ADMIN,
                person("X", null, null, List.of(" OLGA@x.com ", ""), null, null)));
        assertEquals(List.of(olgas), duplicates.matchContacts(OLGA,
                person("X", null, null, List.of("olga@x.com"), null, null)));
        assertEquals(List.of(c), duplicates.matchContacts(ADMIN,
                person("sidorov", "PETR", null, null, List.of(acme), null)));
        assertEquals(List.of(c), duplicates.matchContacts(ADMIN,
                person("P.", "Sidorov", null, null, List.of(acme), null)));
        assertEquals(List.of(c), duplicates.matchContacts(ADMIN,
                person("Petr", "Sidorvo", null, null, List.of(acme), null)));
        assertEquals(List.of(), duplicates.matchContacts(ADMIN,
                person("Petr", "Sidorova", null, null, List.of(acme), null)));
        assertEquals(List.of(), duplicates.matchContacts(ADMIN, person("Petr", "Sidorov", null, null, null, null)));
        assertEquals(List.of(a, b, c), duplicates.matchContacts(ADMIN,
                person("Petr", "Sidorov", List.of("79123456789", "bad"), List.of("olga@x.com"), List.of(acme), null))
                .stream().filter(id -> id != olgas).toList());
        assertEquals(List.of(), duplicates.matchContacts(ADMIN, null));
    }

    @Test
    public void matchCompaniesByTaxIdDomainAndName() {
        long a = company("Acme", "7701234567", null);
        long b = company("Foo", null, "http://foo.com");
        long c = company("ООО Ромашка", null, null);
        assertEquals(List.of(a), duplicates.matchCompanies(ADMIN, org("Other", "77 01 234567", null, null)));
        assertEquals(List.of(b), duplicates.matchCompanies(ADMIN, org("Other", null, "www.FOO.com/x", null)));
        assertEquals(List.of(c), duplicates.matchCompanies(ADMIN, org("ромашка", null, null, null)));
        assertEquals(List.of(a, b, c), duplicates.matchCompanies(ADMIN, org("Ромашка", "7701234567", "foo.com", null)));
        assertEquals(List.of(), duplicates.matchCompanies(IVAN, org("Acme", null, null, null)));
        assertEquals(List.of(), duplicates.matchCompanies(ADMIN, org("Other", null, "not a url ::", null)));
    }

    // ------------------------------------------------------------------ merging contacts

    @Test
    public void mergeKeepsEverythingAndRecordsConflicts() {
        long acme = company("Acme", null, null);
        long other = company("Other", null, null);
        Map<String, Object> sf = new LinkedHashMap<>();
        sf.put("size", 43);
        sf.put("vip", null);
        ContactDto s = contacts.create(ADMIN, new ContactInput("Ivan", null, "CEO", List.of("+7 912 345-67-89"),
                List.of("ivan@x.com"), null, "first card", Set.of("a"), sf, "ivan", null, List.of(acme)));
        Map<String, Object> mf = new LinkedHashMap<>();
        mf.put("size", 44);
        mf.put("vip", true);
        mf.put("nickname", "Vanya");
        ContactDto m = contacts.create(ADMIN, new ContactInput("Ivan", "Petrov", "Director",
                List.of("8 (912) 345-67-89", "+7 495 111-22-33"), List.of("ivan@x.com", "petrov@y.com"),
                LocalDate.of(1980, 5, 17), "second card", Set.of("b", "a"), mf, "olga", "import",
                List.of(other, acme)));
        events.clear();
        clock.advance(Duration.ofMinutes(5));

        ContactDto merged = duplicates.mergeContacts(MANAGER, s.id(), m.id(), s.version());

        assertEquals(s.id(), merged.id());
        assertEquals(s.version() + 1, merged.version());
        assertEquals("Ivan", merged.firstName());
        assertEquals("Petrov", merged.lastName());
        assertEquals("CEO", merged.position());
        assertEquals(List.of("+7 912 345-67-89", "+7 495 111-22-33"), merged.phones());
        assertEquals(List.of("ivan@x.com", "petrov@y.com"), merged.emails());
        assertEquals(LocalDate.of(1980, 5, 17), merged.birthday());
        assertEquals("first card", merged.notes());
        assertEquals("import", merged.source());
        assertEquals(Set.of("a", "b"), merged.tags());
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("nickname", "Vanya");
        custom.put("size", 43L);
        custom.put("vip", true);
        assertEquals(custom, merged.customFields());
        assertEquals("ivan", merged.owner());
        assertEquals(List.of(acme, other), merged.companyIds());
        assertEquals(merged, contacts.get(ADMIN, s.id()));

        ContactDto gone = contacts.get(ADMIN, m.id());
        assertTrue(gone.archived());
        assertEquals("Petrov", gone.lastName());
        assertEquals(List.of("8 (912) 345-67-89", "+7 495 111-22-33"), gone.phones());
        assertEquals(List.of(s.id()), contacts.list(ADMIN, RecordQuery.all()).items().stream()
                .map(ContactDto::id).toList());

        List<MergeConflict> conflicts = List.of(
                new MergeConflict("position", "CEO", "Director"),
                new MergeConflict("notes", "first card", "second card"),
                new MergeConflict("owner", "ivan", "olga"),
                new MergeConflict("customFields.size", "43", "44"));
        MergeRecord rec = new MergeRecord(s.id(), m.id(), Instant.parse("2026-03-01T10:05:00Z"), "boss", conflicts);
        assertEquals(List.of(rec), duplicates.contactMergeHistory(ADMIN, s.id()));
        assertEquals(List.of(rec), duplicates.contactMergeHistory(ADMIN, m.id()));
        assertEquals(s.id(), (long) mergedInto(ContactEntity.class, m.id()));

        assertEquals(List.of("tessera/crm/contact/MERGED"), events.topics());
        Event e = events.last();
        assertEquals(m.id(), e.getProperty(CrmEvents.ID));
        assertEquals(s.id(), e.getProperty(CrmEvents.SURVIVOR_ID));
        assertEquals("contact", e.getProperty(CrmEvents.ENTITY));
        assertEquals("boss", e.getProperty(CrmEvents.ACTOR));
        assertEquals("ivan", e.getProperty(CrmEvents.OWNER));
        assertEquals(List.of(acme, other), e.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(m.id(), s.id()), e.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(), e.getProperty(CrmEvents.DEAL_IDS));
        assertEquals("Contact 'Ivan Petrov' (#" + m.id() + ") merged into 'Ivan Petrov' (#" + s.id()
                        + "); kept as history: customFields.size, notes, owner, position",
                e.getProperty(CrmEvents.SUMMARY));

        // The merged card comes back unchanged when restored.
        ContactDto back = contacts.restore(ADMIN, m.id());
        assertFalse(back.archived());
        assertEquals(List.of("ivan@x.com", "petrov@y.com"), back.emails());
        assertEquals("Director", back.position());
        assertEquals(2, contacts.list(ADMIN, RecordQuery.all()).items().size());
    }

    @Test
    public void mergeRefusesBadRequests() {
        long s = contact(IVAN, "A", "A", null, List.of("a@x.com"), List.of());
        long m = contact(IVAN, "B", "B", null, List.of("a@x.com"), List.of());
        long olgas = contact(OLGA, "C", "C", null, List.of("a@x.com"), List.of());
        assertEquals(List.of("mergeId: must differ from the id of the card it is merged into"),
                validationErrors(() -> duplicates.mergeContacts(IVAN, s, s)));
        expect(NotFoundException.class, () -> duplicates.mergeContacts(IVAN, s, olgas));
        expect(NotFoundException.class, () -> duplicates.mergeContacts(IVAN, olgas, s));
        expect(NotFoundException.class, () -> duplicates.mergeContacts(IVAN, s, 9999));
        expect(StaleVersionException.class, () -> duplicates.mergeContacts(IVAN, s, m, 7L));
        assertTrue(events.topics().stream().noneMatch(t -> t.endsWith("/MERGED")));

        duplicates.mergeContacts(IVAN, s, m);
        ConflictException again = expect(ConflictException.class, () -> duplicates.mergeContacts(IVAN, s, m));
        assertTrue(again.getMessage(), again.getMessage().contains("merged into " + s));
        expect(ConflictException.class, () -> duplicates.mergeContacts(IVAN, m, s));
        expect(NotFoundException.class, () -> duplicates.contactMergeHistory(OLGA, s));
        assertEquals(1, duplicates.contactMergeHistory(IVAN, s).size());
        assertEquals(List.of(), duplicates.contactMergeHistory(OLGA, olgas));
        // After the merge the pair is no longer a duplicate group.
        assertEquals(List.of(), duplicates.contactDuplicates(IVAN, Paging.FIRST).items());
    }

    @Test
    public void mergeSameNumberSpeltDifferentlyOnceAndOverflowIsKept() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("s" + i + "@x.com");
        }
        long s = contact("A", "A", List.of("+7 912 345-67-89"), many);
        long m = contact("B", "B", List.of("89123456789"), List.of("s0@x.com", "extra@x.com"));
        ContactDto merged = duplicates.mergeContacts(ADMIN, s, m);
        assertEquals(List.of("+7 912 345-67-89"), merged.phones());
        assertEquals(many, merged.emails());
        assertEquals(List.of(new MergeConflict("firstName", "A", "B"), new MergeConflict("lastName", "A", "B"),
                        new MergeConflict("emails", null, "extra@x.com")),
                duplicates.contactMergeHistory(ADMIN, s).get(0).conflicts());
    }

    @Test
    public void restoringAMergedCardUndoesTheMergeAndSaysWhichSurvivor() {
        long s = contact("Ivan", "Petrov", null, List.of("ivan@x.com"));
        long m = contact("I.", "Petrov", null, List.of("petrov@x.com"));
        duplicates.mergeContacts(ADMIN, s, m);
        events.clear();
        ContactDto back = contacts.restore(ADMIN, m);
        assertFalse(back.archived());
        assertEquals("tessera/crm/contact/RESTORED", events.last().getTopic());
        assertEquals(s, events.last().getProperty(CrmEvents.SURVIVOR_ID));
        // the merge is undone: the card can be merged again, and a later archive/restore is a plain one
        contacts.archive(ADMIN, m);
        events.clear();
        contacts.restore(ADMIN, m);
        assertNull(events.last().getProperty(CrmEvents.SURVIVOR_ID));
        duplicates.mergeContacts(ADMIN, s, m);
    }

    // ------------------------------------------------------------------ merging companies

    @Test
    public void restoringAMergedCompanyLinksItsContactsBack() {
        long s = company("Acme", null, null);
        long m = company("ACME LLC", null, null);
        long other = company("Other", null, null);
        long onlyMerged = contact(ADMIN, "A", "A", null, null, List.of(other, m));
        long both = contact(ADMIN, "B", "B", null, null, List.of(m, other, s));
        long movedOn = contact(ADMIN, "C", "C", null, null, List.of(m));
        duplicates.mergeCompanies(ADMIN, s, m);
        ContactDto c = contacts.get(ADMIN, movedOn);
        contacts.update(ADMIN, movedOn, c.version(), person("C", "C", null, null, List.of(other), null));
        events.clear();

        companies.restore(ADMIN, m);

        assertEquals(s, events.last().getProperty(CrmEvents.SURVIVOR_ID));
        assertEquals(List.of(other, m), contacts.get(ADMIN, onlyMerged).companyIds());
        assertEquals(List.of(s, other, m), contacts.get(ADMIN, both).companyIds());
        assertEquals(List.of(other), contacts.get(ADMIN, movedOn).companyIds());
        assertFalse(companies.get(ADMIN, m).archived());
        // a second archive and restore is a plain one
        companies.archive(ADMIN, m);
        events.clear();
        companies.restore(ADMIN, m);
        assertNull(events.last().getProperty(CrmEvents.SURVIVOR_ID));
    }

    @Test
    public void mergeCompaniesRepointsTheirContacts() {
        CompanyDto s = companies.create(ADMIN, new CompanyInput("Acme", null, "7701234567", null, null,
                List.of("+7 495 000-00-01"), null, null, Set.of("x"), null, null));
        CompanyDto m = companies.create(ADMIN, new CompanyInput("ACME LLC", "Acme Limited", "7701234567", "retail",
                "https://acme.com", List.of("+7 495 000-00-02"), List.of("info@acme.com"),
                new Address("Main St 1", "Moscow", null, null, "RU"), Set.of("y"), Map.of("tier", "gold"), null));
        long other = company("Other", null, null);
        long onlyMerged = contact(ADMIN, "A", "A", null, null, List.of(other, m.id()));
        long both = contact(ADMIN, "B", "B", null, null, List.of(m.id(), other, s.id()));
        long neither = contact(ADMIN, "C", "C", null, null, List.of(other));
        long archivedOne = contact(ADMIN, "D", "D", null, null, List.of(m.id()));
        contacts.archive(ADMIN, archivedOne);
        ContactDto bothBefore = contacts.get(ADMIN, both);
        events.clear();

        CompanyDto merged = duplicates.mergeCompanies(ADMIN, s.id(), m.id(), s.version());
        assertEquals("Acme", merged.name());
        assertEquals("Acme Limited", merged.legalName());
        assertEquals("retail", merged.industry());
        assertEquals("https://acme.com", merged.website());
        assertEquals("acme.com", merged.domain());
        assertEquals(List.of("+7 495 000-00-01", "+7 495 000-00-02"), merged.phones());
        assertEquals(List.of("info@acme.com"), merged.emails());
        assertEquals(new Address("Main St 1", "Moscow", null, null, "RU"), merged.address());
        assertEquals(Set.of("x", "y"), merged.tags());
        assertEquals(Map.of("tier", "gold"), merged.customFields());
        assertTrue(companies.get(ADMIN, m.id()).archived());
        assertEquals(List.of(new MergeConflict("name", "Acme", "ACME LLC")),
                duplicates.companyMergeHistory(ADMIN, s.id()).get(0).conflicts());

        assertEquals(List.of(other, s.id()), contacts.get(ADMIN, onlyMerged).companyIds());
        ContactDto bothAfter = contacts.get(ADMIN, both);
        assertEquals(List.of(s.id(), other), bothAfter.companyIds());
        assertEquals(bothBefore.version() + 1, bothAfter.version());
        assertEquals(List.of(other), contacts.get(ADMIN, neither).companyIds());
        assertEquals(List.of(s.id()), contacts.get(ADMIN, archivedOne).companyIds());
        assertEquals(List.of(onlyMerged, both),
                contacts.list(ADMIN, new RecordQuery(null, null, null, s.id(), false, null, Paging.FIRST)).items()
                        .stream().map(ContactDto::id).toList());
        assertEquals(List.of(), contacts.list(ADMIN, new RecordQuery(null, null, null, m.id(), false, null,
                Paging.FIRST)).items());

        Event e = events.last();
        assertEquals("tessera/crm/company/MERGED", e.getTopic());
        assertEquals(m.id(), e.getProperty(CrmEvents.ID));
        assertEquals(s.id(), e.getProperty(CrmEvents.SURVIVOR_ID));
        assertEquals(List.of(m.id(), s.id()), e.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(onlyMerged, both, archivedOne), e.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals("Company 'ACME LLC' (#" + m.id() + ") merged into 'Acme' (#" + s.id()
                + "); kept as history: name", e.getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(), duplicates.companyDuplicates(ADMIN, Paging.FIRST).items());
    }

    // ------------------------------------------------------------------ keys of older rows

    @Test
    public void keysOfRowsWrittenBeforeTheyExistedAreFilledOnStart() {
        long acme = company("Acme", "123-456", null);
        long acme2 = company("ACME", "123456", null);
        long a = contact(ADMIN, "Ivan", "Petrov", List.of("+7 912 345-67-89"), null, List.of(acme));
        long b = contact(ADMIN, "ivan", "petrov", List.of("8 912 345 67 89"), null, List.of(acme));
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        em.createNativeQuery("UPDATE CON_CONTACT SET NAME_KEY = NULL").executeUpdate();
        em.createNativeQuery("UPDATE CON_COMPANY SET NAME_KEY = NULL, TAX_KEY = NULL").executeUpdate();
        em.createNativeQuery("UPDATE CON_CONTACT_PHONE SET MATCH_KEY = NULL").executeUpdate();
        em.getTransaction().commit();
        em.close();
        emf.getCache().evictAll();
        assertEquals(List.of(), duplicates.contactDuplicates(ADMIN, Paging.FIRST).items());
        assertEquals(List.of(), duplicates.companyDuplicates(ADMIN, Paging.FIRST).items());

        DuplicateServiceImpl restarted = new DuplicateServiceImpl(emf, events, clock);
        assertEquals(List.of("PHONE [" + a + ", " + b + "] same phone +7 912 345-67-89",
                        "NAME_IN_COMPANY [" + a + ", " + b + "] same name Ivan Petrov in company Acme"),
                describe(restarted.contactDuplicates(ADMIN, Paging.FIRST)));
        assertEquals(List.of("TAX_ID [" + acme + ", " + acme2 + "] same tax id 123-456",
                        "NAME [" + acme + ", " + acme2 + "] same name Acme"),
                describe(restarted.companyDuplicates(ADMIN, Paging.FIRST)));
        assertEquals(KeyBackfill.run(emf), 0);
    }

    @Test
    public void theMatchColumnsAreIndexed() {
        EntityManager em = emf.createEntityManager();
        try {
            @SuppressWarnings("unchecked")
            List<Object> names = em.createNativeQuery("SELECT CONGLOMERATENAME FROM SYS.SYSCONGLOMERATES"
                    + " WHERE ISINDEX = TRUE AND CONGLOMERATENAME LIKE 'CON_%_IX' ORDER BY CONGLOMERATENAME")
                    .getResultList();
            assertTrue(names.toString(), names.containsAll(List.of("CON_CONTACT_EMAIL_IX", "CON_CONTACT_PHONE_KEY_IX",
                    "CON_CONTACT_COMPANY_IX", "CON_COMPANY_NAME_KEY_IX", "CON_COMPANY_TAX_KEY_IX",
                    "CON_COMPANY_DOMAIN_IX", "CON_MERGE_SURVIVOR_IX", "CON_MERGE_MERGED_IX")));
        } finally {
            em.close();
        }
    }

    @Test
    public void anIndexEarlierVersionsMadeAndNothingReadsIsDropped() {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.createNativeQuery("CREATE INDEX CON_CONTACT_NAME_KEY_IX ON CON_CONTACT (NAME_KEY)").executeUpdate();
            em.getTransaction().commit();
            assertEquals(1, RetiredIndexes.drop(emf));
            assertEquals(0, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SYS.SYSCONGLOMERATES"
                    + " WHERE CONGLOMERATENAME = 'CON_CONTACT_NAME_KEY_IX'").getSingleResult()).intValue());
            assertEquals(0, RetiredIndexes.drop(emf));
        } finally {
            em.close();
        }
    }

    private Long mergedInto(Class<?> type, long id) {
        EntityManager em = emf.createEntityManager();
        try {
            Object v = em.createQuery("SELECT e.mergedInto FROM " + type.getSimpleName() + " e WHERE e.id = :id")
                    .setParameter("id", id).getSingleResult();
            return (Long) v;
        } finally {
            em.close();
        }
    }
}
