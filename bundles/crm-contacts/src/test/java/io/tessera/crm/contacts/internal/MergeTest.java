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

import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.MergeConflict;
import io.tessera.crm.api.contacts.MergeRecord;
import io.tessera.crm.api.contacts.RecordQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.After;
import org.junit.Test;
import org.osgi.service.event.Event;

/** Merging contacts and companies, and restoring the merged card. */
public class MergeTest extends ContactsTestBase {
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
}
