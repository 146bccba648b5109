package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static io.tessera.crm.contacts.internal.Fixtures.MANAGER;
import static io.tessera.crm.contacts.internal.Fixtures.OLGA;
import static io.tessera.crm.contacts.internal.Fixtures.assertFields;
import static io.tessera.crm.contacts.internal.Fixtures.expect;
import static io.tessera.crm.contacts.internal.Fixtures.validationErrors;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.RecordQuery;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;
import org.osgi.service.event.Event;

public class ContactServiceImplTest extends ContactsTestBase {
    @Test
    public void createStoresEveryField() {
        long acme = company(IVAN, "Acme");
        Map<String, Object> custom = customFieldsOfEveryType();
        ContactInput in = new ContactInput(" Ivan ", " Petrov ", "CEO", List.of("+7 (912) 345-67-89"),
                List.of("Ivan@Acme.com"), LocalDate.of(1980, 5, 17), "Likes tea", Set.of("Decision-Maker"), custom,
                null, "website", List.of(acme));
        ContactDto c = contacts.create(IVAN, in);
        assertEquals("Ivan", c.firstName());
        assertEquals("Petrov", c.lastName());
        assertEquals("CEO", c.position());
        assertEquals(List.of("+7 (912) 345-67-89"), c.phones());
        assertEquals(List.of("ivan@acme.com"), c.emails());
        assertEquals(LocalDate.of(1980, 5, 17), c.birthday());
        assertEquals("Likes tea", c.notes());
        assertEquals(Set.of("decision-maker"), c.tags());
        assertEquals(43L, c.customFields().get("shoeSize"));
        assertEquals(new BigDecimal("7.5"), c.customFields().get("discount"));
        assertEquals(Boolean.FALSE, c.customFields().get("newsletter"));
        assertEquals("Vanya", c.customFields().get("nickname"));
        assertEquals("ivan", c.owner());
        assertEquals("website", c.source());
        assertEquals(List.of(acme), c.companyIds());
        assertFalse(c.archived());
        assertEquals(1L, c.version());
        assertEquals(c, contacts.get(IVAN, c.id()));
    }

    @Test
    public void privateClientHasNoCompany() {
        ContactDto c = contacts.create(IVAN, person("Anna", null));
        assertEquals(List.of(), c.companyIds());
        assertEquals("Anna", contacts.get(IVAN, c.id()).firstName());
        assertNull(c.lastName());
    }

    @Test
    public void createEventNamesTheContactAndItsCompanies() {
        long acme = company(IVAN, "Acme");
        long globex = company(IVAN, "Globex");
        events.clear();
        ContactDto c = contacts.create(IVAN, person("Ivan", "Petrov", List.of(globex, acme)));
        assertEquals(1, events.events.size());
        Event e = events.last();
        assertEquals("tessera/crm/contact/CREATED", e.getTopic());
        assertEquals("contact", e.getProperty(CrmEvents.ENTITY));
        assertEquals(c.id(), e.getProperty(CrmEvents.ID));
        assertEquals("ivan", e.getProperty(CrmEvents.ACTOR));
        assertEquals("ivan", e.getProperty(CrmEvents.OWNER));
        assertEquals("Contact 'Ivan Petrov' created", e.getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(globex, acme), e.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(c.id()), e.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(), e.getProperty(CrmEvents.DEAL_IDS));
    }

    @Test
    public void validationCorpusNamesEveryField() {
        long acme = company(IVAN, "Acme");
        long archived = company(IVAN, "Old");
        companies.archive(IVAN, archived);
        long olgas = company(OLGA, "Olga's");
        Map<String, Object> custom = new HashMap<>();
        custom.put("when", LocalDate.now());
        ContactInput bad = new ContactInput(null, "  ", "p".repeat(201), List.of("no phone"), List.of("no mail"),
                LocalDate.of(2026, 3, 2), "n".repeat(10001), Set.of(""), custom, "olga", "s".repeat(101),
                Arrays.asList(acme, 999_999L, archived, olgas, acme, null));
        assertFields(() -> contacts.create(IVAN, bad), "firstName", "lastName", "position", "phones[0]", "emails[0]",
                "birthday", "notes", "tags[0]", "customFields.when", "owner", "source", "companyIds[1]",
                "companyIds[2]", "companyIds[3]", "companyIds[4]", "companyIds[5]");
        assertEquals(0, contacts.list(ADMIN, RecordQuery.all()).items().size());
    }

    @Test
    public void companyLinkMessages() {
        long acme = company(IVAN, "Acme");
        long old = company(IVAN, "Old");
        companies.archive(IVAN, old);
        long olgas = company(OLGA, "Olga's");
        assertEquals(List.of("companyIds[1]: is listed twice"),
                validationErrors(() -> contacts.create(IVAN, person("A", "B", List.of(acme, acme)))));
        assertEquals(List.of("companyIds[0]: the company is archived"),
                validationErrors(() -> contacts.create(IVAN, person("A", "B", List.of(old)))));
        assertEquals(List.of("companyIds[0]: no such company"),
                validationErrors(() -> contacts.create(IVAN, person("A", "B", List.of(olgas)))));
        assertEquals(List.of("companyIds[0]: no such company"),
                validationErrors(() -> contacts.create(IVAN, person("A", "B", List.of(424242L)))));
        // the manager sees Olga's company and may link it
        assertEquals(List.of(olgas, acme),
                contacts.create(MANAGER, person("A", "B", List.of(olgas, acme))).companyIds());
    }

    @Test
    public void nameRules() {
        assertEquals(List.of("firstName: is required when lastName is empty",
                "lastName: is required when firstName is empty"),
                validationErrors(() -> contacts.create(IVAN, person(" ", null))));
        assertEquals(List.of("lastName: is longer than 100 characters"),
                validationErrors(() -> contacts.create(IVAN, person("A", "x".repeat(101)))));
        assertEquals("Petrov", contacts.create(IVAN, person(null, "Petrov")).lastName());
    }

    @Test
    public void birthdayMayBeTodayButNotTomorrow() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        ContactInput ok = new ContactInput("A", null, null, null, null, today, null, null, null, null, null, null);
        assertEquals(today, contacts.create(IVAN, ok).birthday());
        ContactInput tomorrow = new ContactInput("A", null, null, null, null, today.plusDays(1), null, null, null,
                null, null, null);
        assertEquals(List.of("birthday: is in the future"), validationErrors(() -> contacts.create(IVAN, tomorrow)));
    }

    @Test
    public void salesSeeOnlyTheirOwnContacts() {
        ContactDto ivans = contacts.create(IVAN, person("Ivan", "Ivanov"));
        ContactDto olgas = contacts.create(OLGA, person("Olga", "Orlova"));
        expect(NotFoundException.class, () -> contacts.get(IVAN, olgas.id()));
        expect(NotFoundException.class, () -> contacts.update(IVAN, olgas.id(), 1, person("X", "Y")));
        expect(NotFoundException.class, () -> contacts.archive(IVAN, olgas.id()));
        expect(NotFoundException.class, () -> contacts.restore(IVAN, olgas.id()));
        expect(NotFoundException.class, () -> contacts.get(OLGA, ivans.id()));
        assertEquals(List.of("Ivan Ivanov"), lastNames(contacts.list(IVAN, RecordQuery.all())));
        assertEquals(List.of("Olga Orlova"), lastNames(contacts.list(OLGA, RecordQuery.all())));
        assertEquals(List.of("Ivan Ivanov", "Olga Orlova"), lastNames(contacts.list(MANAGER, RecordQuery.all())));
        assertEquals(List.of("Ivan Ivanov"), lastNames(contacts.list(ADMIN,
                new RecordQuery(null, "ivan", null, null, false, null, null))));
        assertEquals(List.of("Ivan Ivanov"), lastNames(contacts.list(IVAN,
                new RecordQuery(null, "ivan", null, null, false, null, null))));
        assertEquals(List.of(), lastNames(contacts.list(IVAN,
                new RecordQuery(null, "olga", null, null, false, null, null))));
        assertEquals(List.of("owner: you may only give records to yourself"),
                validationErrors(() -> contacts.create(IVAN, person("A", "B", "olga"))));
        assertEquals("olga", contacts.create(MANAGER, person("A", "B", "olga")).owner());
    }

    @Test
    public void updateNamesTheChangedFields() {
        long acme = company(IVAN, "Acme");
        long globex = company(IVAN, "Globex");
        ContactDto c = contacts.create(IVAN, new ContactInput("Ivan", "Petrov", "Manager", List.of("+7 900 1"),
                null, null, null, null, null, null, null, List.of(acme)));
        events.clear();
        clock.advance(Duration.ofHours(1));
        ContactDto u = contacts.update(IVAN, c.id(), 1, new ContactInput("Ivan", "Petrov", "Director",
                List.of("+7 900 2"), null, null, null, null, null, null, null, List.of(acme)));
        assertEquals(2L, u.version());
        assertEquals("Director", u.position());
        assertEquals(clock.now, u.updatedAt());
        Event e = events.last();
        assertEquals("tessera/crm/contact/UPDATED", e.getTopic());
        assertEquals("Contact 'Ivan Petrov' updated (phones, position)", e.getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(acme), e.getProperty(CrmEvents.COMPANY_IDS));

        // moving the contact from Acme to Globex concerns both companies
        ContactDto moved = contacts.update(IVAN, c.id(), 2, new ContactInput("Ivan", "Petrov", "Director",
                List.of("+7 900 2"), null, null, null, null, null, null, null, List.of(globex)));
        assertEquals(List.of(globex), moved.companyIds());
        assertEquals("Contact 'Ivan Petrov' updated (companyIds)", events.last().getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(globex, acme), events.last().getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(c.id()), events.last().getProperty(CrmEvents.CONTACT_IDS));
    }

    @Test
    public void updateWithoutChangesSendsNothing() {
        ContactDto c = contacts.create(IVAN, person("Ivan", "Petrov"));
        events.clear();
        ContactDto same = contacts.update(IVAN, c.id(), 1, from(c));
        assertEquals(c, same);
        assertTrue(events.events.isEmpty());
    }

    @Test
    public void staleVersionIsRefused() {
        ContactDto c = contacts.create(IVAN, person("Ivan", "Petrov"));
        contacts.update(IVAN, c.id(), 1, person("Ivan", "Sidorov"));
        StaleVersionException e = expect(StaleVersionException.class,
                () -> contacts.update(IVAN, c.id(), 1, person("Ivan", "Smirnov")));
        assertEquals(2L, e.currentVersion());
        assertEquals("Sidorov", contacts.get(IVAN, c.id()).lastName());
    }

    @Test
    public void existingLinkToACompanyArchivedLaterMayStay() {
        long acme = company(IVAN, "Acme");
        ContactDto c = contacts.create(IVAN, person("Ivan", "Petrov", List.of(acme)));
        companies.archive(IVAN, acme);
        // archiving the company does not touch the contact
        ContactDto after = contacts.get(IVAN, c.id());
        assertEquals(c, after);
        ContactDto u = contacts.update(IVAN, c.id(), 1, new ContactInput("Ivan", "Petrov", "CTO", null, null, null,
                null, null, null, null, null, List.of(acme)));
        assertEquals(List.of(acme), u.companyIds());
        // ... but it cannot be linked anew
        ContactDto other = contacts.create(IVAN, person("Anna", "Sidorova"));
        assertEquals(List.of("companyIds[0]: the company is archived"),
                validationErrors(() -> contacts.update(IVAN, other.id(), 1, person("Anna", "Sidorova",
                        List.of(acme)))));
    }

    @Test
    public void archiveHidesFromListAndRestoreBringsBack() {
        long acme = company(IVAN, "Acme");
        ContactDto a = contacts.create(IVAN, person("Anna", "Antonova", List.of(acme)));
        contacts.create(IVAN, person("Boris", "Borisov"));
        events.clear();
        ContactDto archived = contacts.archive(IVAN, a.id());
        assertTrue(archived.archived());
        assertEquals("tessera/crm/contact/ARCHIVED", events.last().getTopic());
        assertEquals("Contact 'Anna Antonova' archived", events.last().getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(acme), events.last().getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of("Boris Borisov"), lastNames(contacts.list(IVAN, RecordQuery.all())));
        assertEquals(List.of(), lastNames(contacts.list(IVAN, ofCompany(acme))));
        assertEquals(List.of("Anna Antonova"), lastNames(contacts.list(IVAN,
                new RecordQuery(null, null, null, null, true, null, null))));
        assertTrue(contacts.get(IVAN, a.id()).archived());
        expect(ConflictException.class, () -> contacts.update(IVAN, a.id(), 2, person("Anna", "B")));

        contacts.restore(IVAN, a.id());
        assertEquals("tessera/crm/contact/RESTORED", events.last().getTopic());
        assertEquals("Contact 'Anna Antonova' restored", events.last().getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of("Anna Antonova", "Boris Borisov"), lastNames(contacts.list(IVAN, RecordQuery.all())));
    }

    @Test
    public void archivingACompanyLeavesItsContactsAlone() {
        long acme = company(IVAN, "Acme");
        ContactDto c = contacts.create(IVAN, person("Ivan", "Petrov", List.of(acme)));
        CompanyDto archived = companies.archive(IVAN, acme);
        assertTrue(archived.archived());
        ContactDto after = contacts.get(IVAN, c.id());
        assertFalse(after.archived());
        assertEquals(1L, after.version());
        assertEquals(List.of("Ivan Petrov"), lastNames(contacts.list(IVAN, ofCompany(acme))));
    }

    @Test
    public void linkToACompanyTheSalespersonCannotSeeSurvivesTheirEdit() {
        long olgas = company(OLGA, "Olga's");
        // a manager links Ivan's contact to Olga's company
        ContactDto c = contacts.create(MANAGER, new ContactInput("Ivan", "Petrov", null, null, null, null, null,
                null, null, "ivan", null, List.of(olgas)));
        assertEquals("ivan", c.owner());
        ContactDto u = contacts.update(IVAN, c.id(), 1, new ContactInput("Ivan", "Petrov", "CFO", null, null, null,
                null, null, null, null, null, List.of(olgas)));
        assertEquals(List.of(olgas), u.companyIds());
        assertEquals("CFO", u.position());
        // unlinking works too, but linking it again does not
        ContactDto unlinked = contacts.update(IVAN, c.id(), 2, new ContactInput("Ivan", "Petrov", "CFO", null, null,
                null, null, null, null, null, null, List.of()));
        assertEquals(List.of(), unlinked.companyIds());
        assertEquals(List.of("companyIds[0]: no such company"), validationErrors(() -> contacts.update(IVAN, c.id(),
                3, new ContactInput("Ivan", "Petrov", "CFO", null, null, null, null, null, null, null, null,
                        List.of(olgas)))));
    }

    @Test
    public void ownerNullOnUpdateMeansTheCaller() {
        ContactDto c = contacts.create(IVAN, person("Ivan", "Petrov"));
        ContactDto u = contacts.update(MANAGER, c.id(), 1, person("Ivan", "Petrov"));
        assertEquals("boss", u.owner());
        assertEquals("Contact 'Ivan Petrov' updated (owner)", events.last().getProperty(CrmEvents.SUMMARY));
        assertEquals("boss", events.last().getProperty(CrmEvents.OWNER));
        assertEquals("boss", events.last().getProperty(CrmEvents.ACTOR));
    }

    @Test
    public void summaryUsesWhicheverNameIsSet() {
        contacts.create(IVAN, person(null, "Petrov"));
        assertEquals("Contact 'Petrov' created", events.last().getProperty(CrmEvents.SUMMARY));
        contacts.create(IVAN, person("Anna", null));
        assertEquals("Contact 'Anna' created", events.last().getProperty(CrmEvents.SUMMARY));
    }

    @Test
    public void customFieldsRoundTripThroughTheDatabase() {
        Map<String, Object> custom = new HashMap<>();
        custom.put("count", 3);
        custom.put("price", new BigDecimal("10.50"));
        custom.put("vip", true);
        custom.put("note", "text");
        custom.put("empty", null);
        ContactDto c = contacts.create(IVAN, new ContactInput("A", null, null, null, null, null, null, null, custom,
                null, null, null));
        Map<String, Object> back = contacts.get(IVAN, c.id()).customFields();
        assertEquals(3L, back.get("count"));
        assertEquals(new BigDecimal("10.5"), back.get("price"));
        assertEquals(true, back.get("vip"));
        assertEquals("text", back.get("note"));
        assertTrue(back.containsKey("empty"));
        assertEquals(5, back.size());
        // the same values again are no change
        events.clear();
        assertEquals(1L, contacts.update(IVAN, c.id(), 1, new ContactInput("A", null, null, null, null, null, null,
                null, back, null, null, null)).version());
        assertTrue(events.events.isEmpty());
        Map<String, Object> bad = new HashMap<>();
        bad.put("when", new java.util.Date());
        bad.put("huge", new BigDecimal("1E+5000"));
        assertFields(() -> contacts.create(IVAN, new ContactInput("A", null, null, null, null, null, null, null,
                bad, null, null, null)), "customFields.huge", "customFields.when");
    }
}
