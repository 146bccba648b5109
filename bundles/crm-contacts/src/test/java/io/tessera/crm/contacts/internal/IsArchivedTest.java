package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static io.tessera.crm.contacts.internal.Fixtures.OLGA;
import static io.tessera.crm.contacts.internal.Fixtures.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The link check deals and tasks make: archived or not, for a card the caller may see; others are not found. */
public class IsArchivedTest extends ContactsTestBase {
    @Test
    public void contactsAndCompaniesAnswerForCardsTheCallerSees() {
        long ivans = contact(IVAN, "Ivan", "Petrov", List.of(), List.of("ivan@acme.ru"), List.of());
        long archived = contact(IVAN, "Old", "Card", List.of(), List.of(), List.of());
        contacts.archive(ADMIN, archived);
        long company = companies.create(IVAN, org("Acme", null, null, null)).id();

        assertFalse(contacts.isArchived(IVAN, ivans));
        assertTrue(contacts.isArchived(IVAN, archived));
        assertFalse(companies.isArchived(ADMIN, company));
        companies.archive(ADMIN, company);
        assertTrue(companies.isArchived(IVAN, company));

        // another salesperson's cards and missing ids: not found, as get says
        assertEquals(expect(NotFoundException.class, () -> contacts.get(OLGA, ivans)).getMessage(),
                expect(NotFoundException.class, () -> contacts.isArchived(OLGA, ivans)).getMessage());
        expect(NotFoundException.class, () -> companies.isArchived(OLGA, company));
        expect(NotFoundException.class, () -> contacts.isArchived(ADMIN, 999_999));
        expect(NotFoundException.class, () -> companies.isArchived(ADMIN, 999_999));
    }

    @Test
    public void archivedStatesAnswerManyAtOnceAsIsArchivedDoesOneByOne() {
        long ivans = contact(IVAN, "Ivan", "Petrov", List.of(), List.of("ivan@acme.ru"), List.of());
        long archived = contact(IVAN, "Old", "Card", List.of(), List.of(), List.of());
        contacts.archive(ADMIN, archived);
        long olgas = contact(OLGA, "Olga", "Sidorova", List.of(), List.of(), List.of());
        long company = companies.create(IVAN, org("Acme", null, null, null)).id();
        List<Long> asked = new ArrayList<>(List.of(ivans, archived, olgas, 999_999L, ivans));
        asked.add(null);

        assertEquals(Map.of(ivans, false, archived, true), contacts.archivedStates(IVAN, asked));
        assertEquals(Map.of(ivans, false, archived, true, olgas, false), contacts.archivedStates(ADMIN, asked));
        assertEquals(Map.of(olgas, false), contacts.archivedStates(OLGA, asked));
        assertEquals(Map.of(company, false), companies.archivedStates(IVAN, List.of(company, 999_999L)));
        assertEquals(Map.of(), companies.archivedStates(OLGA, List.of(company)));
        assertEquals(Map.of(), contacts.archivedStates(IVAN, List.of()));
        // more ids than one query takes
        List<Long> many = new ArrayList<>();
        for (long id = 1; id <= 1_200; id++) {
            many.add(id);
        }
        assertEquals(Map.of(ivans, false, archived, true), contacts.archivedStates(IVAN, many));
    }
}
