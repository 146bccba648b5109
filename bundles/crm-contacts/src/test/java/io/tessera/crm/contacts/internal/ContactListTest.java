package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static io.tessera.crm.contacts.internal.Fixtures.OLGA;
import static io.tessera.crm.contacts.internal.Fixtures.assertFields;
import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.RecordQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** Listing contacts: by company, sorted, searched by name, e-mail and phone digits, by tag, page by page. */
public class ContactListTest extends ContactsTestBase {
    @Test
    public void listByCompany() {
        long acme = company(IVAN, "Acme");
        long globex = company(IVAN, "Globex");
        contacts.create(IVAN, person("Anna", "Antonova", List.of(acme)));
        contacts.create(IVAN, person("Boris", "Borisov", List.of(acme, globex)));
        contacts.create(IVAN, person("Vera", "Volkova", List.of(globex)));
        contacts.create(IVAN, person("Private", "Person"));
        assertEquals(List.of("Anna Antonova", "Boris Borisov"), lastNames(contacts.list(IVAN, ofCompany(acme))));
        assertEquals(List.of("Boris Borisov", "Vera Volkova"), lastNames(contacts.list(IVAN, ofCompany(globex))));
        assertEquals(List.of(), lastNames(contacts.list(IVAN, ofCompany(999))));
    }

    @Test
    public void sortsByLastNameThenFirstName() {
        contacts.create(IVAN, person("Boris", "petrov"));
        clock.advance(Duration.ofMinutes(1));
        contacts.create(IVAN, person("Anna", "Petrov"));
        clock.advance(Duration.ofMinutes(1));
        contacts.create(IVAN, person("Cher", null));
        clock.advance(Duration.ofMinutes(1));
        contacts.create(IVAN, person("Zed", "Adams"));
        assertEquals(List.of("Zed Adams", "Cher", "Anna Petrov", "Boris petrov"),
                lastNames(contacts.list(IVAN, RecordQuery.all())));
        assertEquals(List.of("Boris petrov", "Anna Petrov", "Cher", "Zed Adams"), lastNames(contacts.list(IVAN,
                new RecordQuery(null, null, null, null, false, "-lastName", null))));
        assertEquals(List.of("Boris petrov", "Anna Petrov", "Cher", "Zed Adams"), lastNames(contacts.list(IVAN,
                new RecordQuery(null, null, null, null, false, "createdAt", null))));
        assertEquals(List.of("Zed Adams", "Cher", "Anna Petrov", "Boris petrov"), lastNames(contacts.list(IVAN,
                new RecordQuery(null, null, null, null, false, "-updatedAt", null))));
        assertFields(() -> contacts.list(IVAN, new RecordQuery(null, null, null, null, false, "firstName", null)),
                "sort");
    }

    @Test
    public void qSearchesNamesEmailsAndPhoneDigits() {
        contacts.create(IVAN, new ContactInput("Ivan", "Petrov", null, List.of("79123456789"), null, null, null,
                null, null, null, null, null));
        contacts.create(IVAN, new ContactInput("Maria", "Sidorova", null, List.of("+7 (495) 111-22-33"),
                List.of("maria@example.org"), null, null, null, null, null, null, null));
        assertEquals(List.of("Ivan Petrov"), lastNames(contacts.list(IVAN, q("+7 (912) 345"))));
        assertEquals(List.of("Ivan Petrov"), lastNames(contacts.list(IVAN, q("ivan petrov"))));
        assertEquals(List.of("Ivan Petrov"), lastNames(contacts.list(IVAN, q("PETR"))));
        assertEquals(List.of("Maria Sidorova"), lastNames(contacts.list(IVAN, q("example.org"))));
        assertEquals(List.of("Maria Sidorova"), lastNames(contacts.list(IVAN, q("4951112233"))));
        assertEquals(List.of("Maria Sidorova"), lastNames(contacts.list(IVAN, q("111-22"))));
        assertEquals(List.of("Ivan Petrov", "Maria Sidorova"), lastNames(contacts.list(IVAN, q("+7"))));
        assertEquals(List.of(), lastNames(contacts.list(IVAN, q("nobody"))));
    }

    @Test
    public void tagFilter() {
        contacts.create(IVAN, new ContactInput("A", "A", null, null, null, null, null, Set.of("VIP"), null, null,
                null, null));
        contacts.create(IVAN, person("B", "B"));
        assertEquals(List.of("A A"), lastNames(contacts.list(IVAN,
                new RecordQuery(null, null, "vip", null, false, null, null))));
    }

    @Test
    public void pagingWithCursorGivesEveryItemExactlyOnce() {
        Set<Long> created = new HashSet<>();
        for (int i = 0; i < 17; i++) {
            // many equal last names: the id tiebreaker keeps the order stable
            created.add(contacts.create(IVAN, person("P" + i, i % 2 == 0 ? "Same" : "Other")).id());
        }
        contacts.create(OLGA, person("Hidden", "Same"));
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<ContactDto> page = contacts.list(IVAN,
                    new RecordQuery(null, null, null, null, false, null, new Paging(4, cursor)));
            page.items().forEach(c -> seen.add(c.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(5, pages);
        assertEquals(17, seen.size());
        assertEquals(created, new HashSet<>(seen));
    }

    /**
     * Page after page in every sort gives the one-page order, equal names ordered by id; a contact stored between
     * two pages before the cursor's place shifts nothing (the next page starts after the last record shown, not at
     * a count); an offset cursor of an earlier version still works; a forged cursor, or one of another sort, is a
     * validation error.
     */
    @Test
    public void pagesFollowTheRecordShownLastInEverySort() {
        for (int i = 0; i < 9; i++) {
            contacts.create(IVAN, person("P" + i, i % 3 == 0 ? "Same" : "Name" + (8 - i)));
            clock.advance(Duration.ofSeconds(i % 2 == 0 ? 1 : 0)); // equal creation times too
        }
        for (String sort : List.of("name", "-name", "createdAt", "-createdAt", "-updatedAt")) {
            List<Long> whole = ids(contacts.list(IVAN, sorted(sort, new Paging(100, null))).items());
            List<Long> paged = new ArrayList<>();
            String cursor = null;
            do {
                Page<ContactDto> page = contacts.list(IVAN, sorted(sort, new Paging(2, cursor)));
                paged.addAll(ids(page.items()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertEquals(sort, whole, paged);
        }

        Page<ContactDto> first = contacts.list(IVAN, sorted("name", new Paging(3, null)));
        contacts.create(IVAN, person("Aaron", "Aardvark")); // sorts before every one shown
        Page<ContactDto> second = contacts.list(IVAN, sorted("name", new Paging(3, first.nextCursor())));
        List<Long> whole = ids(contacts.list(IVAN, sorted("name", new Paging(100, null))).items());
        assertEquals(whole.subList(4, 7), ids(second.items()));

        String offset = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("o:2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(whole.subList(2, 5), ids(contacts.list(IVAN, sorted("name", new Paging(3, offset))).items()));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v:sortKey:x:sAbc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertFields(() -> contacts.list(IVAN, sorted("name", new Paging(3, forged))), "cursor");
        assertFields(() -> contacts.list(IVAN, sorted("createdAt", new Paging(3, first.nextCursor()))), "cursor");
    }

    private static RecordQuery sorted(String sort, Paging paging) {
        return new RecordQuery(null, null, null, null, false, sort, paging);
    }

    private static List<Long> ids(List<ContactDto> items) {
        return items.stream().map(ContactDto::id).toList();
    }
}
