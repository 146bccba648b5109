package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static io.tessera.crm.contacts.internal.Fixtures.MANAGER;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** Restoring a merged card takes back from the survivor what the merge gave it (see {@link MergeAdditions}). */
public class UnmergeTest extends ContactsTestBase {
    @Test
    public void bothContactsAreAsBeforeTheMerge() {
        long acme = company("Acme", null, null);
        long other = company("Other", null, null);
        Map<String, Object> survivorFields = new LinkedHashMap<>();
        survivorFields.put("size", 43);
        survivorFields.put("vip", null);
        ContactDto s = contacts.create(ADMIN, new ContactInput("Ivan", null, null, List.of("+7 912 345-67-89"),
                List.of("ivan@x.com"), null, "first card", Set.of("a"), survivorFields, "ivan", null,
                List.of(acme)));
        ContactDto m = contacts.create(ADMIN, new ContactInput("Ivan", "Petrov", "Director",
                List.of("8 (912) 345-67-89", "+7 495 111-22-33"), List.of("ivan@x.com", "petrov@y.com"),
                LocalDate.of(1980, 5, 17), "second card", Set.of("b", "a"),
                Map.of("size", 44, "vip", true, "nickname", "Vanya"), "olga", "import", List.of(other, acme)));
        clock.advance(Duration.ofMinutes(5));
        ContactDto merged = duplicates.mergeContacts(MANAGER, s.id(), m.id());
        assertEquals("Petrov", merged.lastName());
        assertEquals(List.of("+7 912 345-67-89", "+7 495 111-22-33"), merged.phones());

        contacts.restore(ADMIN, m.id());

        assertEquals(content(s), content(contacts.get(ADMIN, s.id())));
        ContactDto back = contacts.get(ADMIN, m.id());
        assertFalse(back.archived());
        assertEquals(content(m), content(back));
    }

    @Test
    public void whatWasChangedSinceTheMergeStays() {
        ContactDto s = contacts.create(ADMIN, new ContactInput("Ivan", null, null, List.of(), List.of("ivan@x.com"),
                null, null, null, null, null, null, List.of()));
        ContactDto m = contacts.create(ADMIN, new ContactInput(null, "Petrov", "Director", List.of(),
                List.of("petrov@y.com", "p2@y.com"), null, null, Set.of("vip"), null, null, null, List.of()));
        ContactDto merged = duplicates.mergeContacts(ADMIN, s.id(), m.id());
        // after the merge someone edits the position, drops an e-mail the merge brought and adds one of their own
        contacts.update(ADMIN, s.id(), merged.version(), new ContactInput("Ivan", "Petrov", "CTO", List.of(),
                List.of("ivan@x.com", "p2@y.com", "new@x.com"), null, null, Set.of("vip"), null, null, null,
                List.of()));

        contacts.restore(ADMIN, m.id());

        ContactDto after = contacts.get(ADMIN, s.id());
        assertEquals("Ivan", after.firstName());
        assertNull("the last name came from the merge", after.lastName());
        assertEquals("edited since", "CTO", after.position());
        assertEquals(List.of("ivan@x.com", "new@x.com"), after.emails());
        assertEquals(Set.of(), after.tags());
    }

    @Test
    public void bothCompaniesAreAsBeforeTheMerge() {
        CompanyDto s = companies.create(ADMIN, new CompanyInput("Acme", null, null, null, null,
                List.of("+7 495 000-00-01"), List.of("info@acme.ru"), null, Set.of("x"), Map.of("size", 10), null));
        CompanyDto m = companies.create(ADMIN, new CompanyInput("ACME LLC", "ООО «Акме»", "7701234567", "Retail",
                "https://acme.ru", List.of("+7 495 000-00-02"), List.of("sales@acme.ru"),
                new Address("Tverskaya 1", "Moscow", null, "125009", "RU"), Set.of("y"),
                Map.of("size", 12, "segment", "B2B"), null));
        CompanyDto merged = duplicates.mergeCompanies(ADMIN, s.id(), m.id());
        assertEquals("7701234567", merged.taxId());
        assertEquals("acme.ru", merged.domain());

        companies.restore(ADMIN, m.id());

        assertEquals(content(s), content(companies.get(ADMIN, s.id())));
        assertEquals(content(m), content(companies.get(ADMIN, m.id())));
    }

    /** Everything but the version, the times and the archived flag. */
    private static List<Object> content(ContactDto c) {
        return List.of(String.valueOf(c.firstName()), String.valueOf(c.lastName()), String.valueOf(c.position()),
                c.phones(), c.emails(), String.valueOf(c.birthday()), String.valueOf(c.notes()), c.tags(),
                c.customFields(), c.owner(), String.valueOf(c.source()), c.companyIds());
    }

    private static List<Object> content(CompanyDto c) {
        return List.of(c.name(), String.valueOf(c.legalName()), String.valueOf(c.taxId()),
                String.valueOf(c.industry()), String.valueOf(c.website()), String.valueOf(c.domain()), c.phones(),
                c.emails(), String.valueOf(c.address()), c.tags(), c.customFields(), c.owner());
    }
}
