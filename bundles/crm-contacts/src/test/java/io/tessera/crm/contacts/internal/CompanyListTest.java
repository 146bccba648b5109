package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static io.tessera.crm.contacts.internal.Fixtures.MANAGER;
import static io.tessera.crm.contacts.internal.Fixtures.OLGA;
import static io.tessera.crm.contacts.internal.Fixtures.assertFields;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.RecordQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** Listing companies: page by page, sorted, searched by name, e-mail and phone digits, by tag. */
public class CompanyListTest extends CompanyTestBase {
    @Test
    public void pagingWithCursorGivesEveryItemExactlyOnce() {
        Set<Long> created = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            created.add(companies.create(IVAN, input("Company " + (char) ('a' + (i * 7) % 23))).id());
        }
        companies.create(OLGA, input("Not Ivan's"));
        List<Long> seen = new ArrayList<>();
        List<String> seenNames = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<CompanyDto> page = companies.list(IVAN,
                    new RecordQuery(null, null, null, null, false, null, new Paging(5, cursor)));
            page.items().forEach(c -> {
                seen.add(c.id());
                seenNames.add(c.name());
            });
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(5, pages);
        assertEquals(23, seen.size());
        assertEquals(created, new HashSet<>(seen));
        List<String> sortedNames = new ArrayList<>(seenNames);
        sortedNames.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sortedNames, seenNames);
    }

    @Test
    public void exactlyFullPageHasNoNextCursor() {
        for (int i = 0; i < 5; i++) {
            companies.create(IVAN, input("C" + i));
        }
        Page<CompanyDto> page = companies.list(IVAN,
                new RecordQuery(null, null, null, null, false, null, new Paging(5, null)));
        assertEquals(5, page.items().size());
        assertNull(page.nextCursor());
    }

    @Test
    public void badCursorAndSortAreValidationErrors() {
        assertFields(() -> companies.list(IVAN,
                new RecordQuery(null, null, null, null, false, null, new Paging(5, "garbage"))), "cursor");
        assertFields(() -> companies.list(IVAN, sorted("lastName")), "sort");
        assertFields(() -> companies.list(IVAN, sorted("-")), "sort");
        assertFields(() -> companies.list(IVAN, q("x".repeat(201))), "q");
    }

    @Test
    public void sortsByNameCaseInsensitivelyAndByTimes() {
        companies.create(IVAN, input("beta"));
        clock.advance(Duration.ofMinutes(1));
        CompanyDto alpha = companies.create(IVAN, input("Alpha"));
        clock.advance(Duration.ofMinutes(1));
        companies.create(IVAN, input("Gamma"));
        clock.advance(Duration.ofMinutes(1));
        companies.update(IVAN, alpha.id(), 1, input("Alpha"));   // no change: keeps updatedAt
        companies.update(IVAN, alpha.id(), 1, input("alpha"));
        assertEquals(List.of("alpha", "beta", "Gamma"), names(companies.list(IVAN, RecordQuery.all())));
        assertEquals(List.of("alpha", "beta", "Gamma"), names(companies.list(IVAN, sorted("name"))));
        assertEquals(List.of("Gamma", "beta", "alpha"), names(companies.list(IVAN, sorted("-name"))));
        assertEquals(List.of("beta", "alpha", "Gamma"), names(companies.list(IVAN, sorted("createdAt"))));
        assertEquals(List.of("Gamma", "alpha", "beta"), names(companies.list(IVAN, sorted("-createdAt"))));
        assertEquals(List.of("alpha", "Gamma", "beta"), names(companies.list(IVAN, sorted("-updatedAt"))));
        assertEquals(List.of("beta", "Gamma", "alpha"), names(companies.list(IVAN, sorted("updatedAt"))));
    }

    @Test
    public void qSearchesNamesEmailsAndPhonesIncludingDigits() {
        companies.create(IVAN, new CompanyInput("Acme", "Acme Holding LLC", null, null, null,
                List.of("+7 (912) 345-67-89"), List.of("info@acme.com"), null, null, null, null));
        companies.create(IVAN, new CompanyInput("Globex", null, null, null, null, List.of("79123456789"),
                List.of("hello@globex.io"), null, null, null, null));
        companies.create(IVAN, new CompanyInput("Initech 100%", null, null, null, null, List.of("8 800 100 00 00"),
                null, null, null, null, null));
        assertEquals(List.of("Acme"), names(companies.list(IVAN, q("acm"))));
        assertEquals(List.of("Acme"), names(companies.list(IVAN, q("HOLDING"))));
        assertEquals(List.of("Globex"), names(companies.list(IVAN, q("GLOBEX.IO"))));
        assertEquals(List.of("Acme", "Globex"), names(companies.list(IVAN, q("+7 (912) 345"))));
        assertEquals(List.of("Acme", "Globex"), names(companies.list(IVAN, q("9123456789"))));
        assertEquals(List.of("Acme", "Globex"), names(companies.list(IVAN, q("(912) 345-67"))));
        assertEquals(List.of("Initech 100%"), names(companies.list(IVAN, q("8-800-100"))));
        assertEquals(List.of(), names(companies.list(IVAN, q("+1 555"))));
        assertEquals(List.of("Initech 100%"), names(companies.list(IVAN, q("100%"))));
        assertEquals(List.of(), names(companies.list(IVAN, q("0%0"))));
        assertEquals(List.of(), names(companies.list(IVAN, q("_"))));
        assertEquals(List.of("Acme", "Globex", "Initech 100%"), names(companies.list(IVAN, q("  "))));
        // another user's company is not found by q either
        companies.create(OLGA, new CompanyInput("Acme Two", null, null, null, null, null, null, null, null, null,
                null));
        assertEquals(List.of("Acme"), names(companies.list(IVAN, q("acme"))));
        assertEquals(List.of("Acme", "Acme Two"), names(companies.list(MANAGER, q("acme"))));
    }

    @Test
    public void tagFilterIsCaseInsensitive() {
        companies.create(IVAN, new CompanyInput("A", null, null, null, null, null, null, null, Set.of("vip", "b2b"),
                null, null));
        companies.create(IVAN, new CompanyInput("B", null, null, null, null, null, null, null, Set.of("b2b"), null,
                null));
        companies.create(IVAN, input("C"));
        assertEquals(List.of("A"), names(companies.list(IVAN,
                new RecordQuery(null, null, " VIP ", null, false, null, null))));
        assertEquals(List.of("A", "B"), names(companies.list(IVAN,
                new RecordQuery(null, null, "b2b", null, false, null, null))));
        assertEquals(List.of(), names(companies.list(IVAN,
                new RecordQuery(null, null, "none", null, false, null, null))));
    }
}
