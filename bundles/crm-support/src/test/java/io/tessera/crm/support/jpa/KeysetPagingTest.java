package io.tessera.crm.support.jpa;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.Test;

public class KeysetPagingTest {
    private record Row(long id, Object value) {
    }

    private static final KeysetPaging.Sort BY_NAME = new KeysetPaging.Sort("sortKey", false, String.class);
    private static final KeysetPaging.Sort NEWEST = new KeysetPaging.Sort("createdAt", true, Instant.class);
    private static final KeysetPaging.Sort OLDEST = new KeysetPaging.Sort("createdAt", false, Timestamp.class);

    @Test
    public void theCursorHoldsTheLastRowsValueAndIdInTheAttributesType() {
        Instant t = Instant.parse("2026-12-07T06:05:14.240123456Z");
        Page<Long> page = page(List.of(new Row(7, t), new Row(5, t), new Row(4, t)), NEWEST, 2);
        assertEquals(List.of(7L, 5L), page.items());
        assertEquals(new KeysetPaging.After(t, 5), KeysetPaging.after(new Paging(2, page.nextCursor()), NEWEST));
        assertEquals(new KeysetPaging.After(Timestamp.from(t), 5),
                KeysetPaging.after(new Paging(2, page.nextCursor()), OLDEST));
        String byName = page(List.of(new Row(1, "a:b"), new Row(2, "c")), BY_NAME, 1).nextCursor();
        assertEquals(new KeysetPaging.After("a:b", 1), KeysetPaging.after(new Paging(1, byName), BY_NAME));
        assertNull("the last page", page(List.of(new Row(1, "a")), BY_NAME, 1).nextCursor());
    }

    @Test
    public void noCursorOrAnOffsetCursorStartsNoKeyset() {
        assertNull(KeysetPaging.after(new Paging(2, null), BY_NAME));
        String offset = Cursors.page(List.of("a", "b", "c"), new Paging(2, null)).nextCursor();
        assertNull(KeysetPaging.after(new Paging(2, offset), BY_NAME));
    }

    @Test
    public void aCursorOfAnotherSortOrNotMadeHereIsRefusedNamingTheField() {
        String byName = page(List.of(new Row(1, "a"), new Row(2, "b")), BY_NAME, 1).nextCursor();
        for (String bad : List.of(byName, plain("v:createdAt:1:sabc"), plain("v:createdAt:1:tyesterday"),
                plain("v:createdAt:12345678901234567890:t2026-12-07T06:05:14Z"), plain("v:createdAt:1:"),
                plain("v:createdAt"))) {
            ValidationException e = assertThrows(bad, ValidationException.class,
                    () -> KeysetPaging.after(new Paging(1, bad), NEWEST));
            assertEquals("cursor", e.errors().get(0).field());
        }
    }

    @Test
    public void theConditionStartsAtTheCursorAndStepsOverEqualValuesByTheId() {
        assertEquals("d.createdAt <= :afterValue AND (d.createdAt < :afterValue OR d.id < :afterId)",
                NEWEST.after("d"));
        assertEquals("r.sortKey ASC, r.id ASC", BY_NAME.orderBy("r"));
        assertThrows(IllegalArgumentException.class, () -> new KeysetPaging.Sort("amount", false, Long.class));
    }

    private static Page<Long> page(List<Row> found, KeysetPaging.Sort sort, int limit) {
        Function<List<Row>, List<Long>> ids = rows -> rows.stream().map(Row::id).toList();
        return KeysetPaging.page(found, new Paging(limit, null), sort, Row::value, Row::id, ids);
    }

    private static String plain(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
