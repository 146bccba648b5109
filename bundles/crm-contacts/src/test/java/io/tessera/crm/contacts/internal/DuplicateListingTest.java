package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static io.tessera.crm.contacts.internal.Fixtures.MANAGER;
import static io.tessera.crm.contacts.internal.Fixtures.OLGA;
import static io.tessera.crm.contacts.internal.Fixtures.validationErrors;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.contacts.DuplicateGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The duplicate groups of the base: each rule, visibility, paging. */
public class DuplicateListingTest extends ContactsTestBase {
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
        // two groups in one company: a page may end between them
        long beta = company("Beta", null, null);
        long a1 = contact(ADMIN, "Ann", "Lee", null, null, List.of(beta));
        long a2 = contact(ADMIN, "Ann", "Lee", null, null, List.of(beta));
        long b1 = contact(ADMIN, "Bob", "Ray", null, null, List.of(beta));
        long b2 = contact(ADMIN, "Bob", "Ray", null, null, List.of(beta));
        expected.add("NAME_IN_COMPANY [" + a1 + ", " + a2 + "] same name Ann Lee in company Beta");
        expected.add("NAME_IN_COMPANY [" + b1 + ", " + b2 + "] same name Bob Ray in company Beta");

        for (int limit = 1; limit <= 9; limit++) {
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
            assertEquals("limit " + limit, (8 + limit - 1) / limit, pages);
        }
        assertEquals(List.of("cursor: is not a cursor this server gave out"),
                validationErrors(() -> duplicates.contactDuplicates(ADMIN, new Paging(5, "bm9wZQ"))));
        assertEquals(List.of("cursor: is not a cursor this server gave out"), validationErrors(() ->
                duplicates.contactDuplicates(ADMIN, new Paging(5, DuplicateRules.encode(2, "12-x")))));
        // Rule 7 does not exist.
        assertEquals(List.of("cursor: is not a cursor this server gave out"),
                validationErrors(() -> duplicates.companyDuplicates(ADMIN, new Paging(5, DuplicateRules.encode(7, null)))));
    }
}
