package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static io.tessera.crm.contacts.internal.Fixtures.OLGA;
import static io.tessera.crm.contacts.internal.Fixtures.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.NotFoundException;
import java.util.List;
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
}
