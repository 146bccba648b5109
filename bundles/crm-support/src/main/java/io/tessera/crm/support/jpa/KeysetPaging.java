package io.tessera.crm.support.jpa;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import javax.persistence.Query;

/**
 * Keyset paging of a JPQL list ordered by one non-null column with the id as tiebreaker: the cursor holds the sort
 * column, the last record's value in it and its id, and the next page starts after them. With an index on the list's
 * filter, the column and the id (in the sort's direction: Derby does not scan an index backwards), a deep page reads
 * only its own rows, where an offset walked the index up to it or sorted the whole table for every page; and a record
 * stored meanwhile shifts no page. A nullable column cannot be paged so ({@code NULL} compares with nothing): such
 * sorts keep offset cursors ({@link Cursors}), and an offset cursor an earlier version gave is still taken.
 */
public final class KeysetPaging {
    private static final String PREFIX = "v:";
    /** The named parameters of {@link Sort#after}. */
    public static final String AFTER_VALUE = "afterValue";
    public static final String AFTER_ID = "afterId";

    private KeysetPaging() {
    }

    /**
     * A sort: the entity's attribute (also its field, for {@link #page}), the direction, and the attribute's Java type
     * ({@link String}, {@link Timestamp} or {@link Instant}), which a cursor's value is decoded to.
     */
    public record Sort(String attribute, boolean descending, Class<?> type) {
        public Sort {
            if (type != String.class && type != Timestamp.class && type != Instant.class) {
                throw new IllegalArgumentException("no keyset paging by a " + type.getName());
            }
        }

        /** {@code ORDER BY} text for the alias: the attribute, then the id, both in the sort's direction. */
        public String orderBy(String alias) {
            String dir = descending ? " DESC" : " ASC";
            return alias + "." + attribute + dir + ", " + alias + ".id" + dir;
        }

        /**
         * The condition of the records after a cursor's, with the parameters {@link #AFTER_VALUE} and
         * {@link #AFTER_ID}: its first part is the one an index can start at, the second steps over equal values
         * up to the cursor's id.
         */
        public String after(String alias) {
            String c = alias + "." + attribute;
            String op = descending ? "<" : ">";
            return c + " " + op + "= :" + AFTER_VALUE + " AND (" + c + " " + op + " :" + AFTER_VALUE + " OR " + alias
                    + ".id " + op + " :" + AFTER_ID + ")";
        }
    }

    /** Where a page starts: after the record with this value of the sort's attribute and this id. */
    public record After(Object value, long id) {
    }

    /**
     * The position a keyset cursor of this sort holds; null without a cursor or for an offset cursor (which
     * {@link Cursors#offset} reads). A cursor of another sort, or one not made here, is a {@link ValidationException}
     * naming {@code cursor}.
     */
    public static After after(Paging paging, Sort sort) {
        String cursor = paging.cursor();
        if (cursor == null) {
            return null;
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // not a keyset cursor: Cursors.offset tells whether it is ours at all
        }
        if (!plain.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = plain.substring(PREFIX.length()).split(":", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9]{1,18}") || parts[2].isEmpty()) {
            throw notOfThisList();
        }
        if (!parts[0].equals(sort.attribute())) {
            throw new ValidationException("cursor", "belongs to another sort of this list: start again without one");
        }
        return new After(decode(parts[2], sort.type()), Long.parseLong(parts[1]));
    }

    /**
     * Sets where the query's page starts and how many it fetches ({@code limit + 1}, for {@link #page} or
     * {@link Cursors#page} to tell whether another page follows): after the cursor's position (the query carries
     * {@link Sort#after}), or else at an offset cursor's offset, 0 without a cursor.
     */
    public static void startAt(Query query, After after, Paging paging) {
        if (after != null) {
            query.setParameter(AFTER_VALUE, after.value());
            query.setParameter(AFTER_ID, after.id());
        } else {
            query.setFirstResult(Cursors.offset(paging));
        }
        query.setMaxResults(paging.limit() + 1);
    }

    /**
     * The page of the records a query fetched ({@code limit + 1} of them, after the cursor's position or from the
     * offset of an old cursor), mapped all at once; its next cursor holds the last record's value and id, read with
     * the given functions.
     */
    public static <E, T> Page<T> page(List<E> found, Paging paging, Sort sort, Function<E, Object> value,
                                      Function<E, Long> id, Function<List<E>, List<T>> mapper) {
        List<E> shown = found.subList(0, Math.min(found.size(), paging.limit()));
        List<T> rows = mapper.apply(shown);
        if (found.size() <= paging.limit()) {
            return new Page<>(rows, null);
        }
        E last = shown.get(shown.size() - 1);
        return new Page<>(rows, cursor(sort.attribute(), id.apply(last), value.apply(last)));
    }

    /**
     * "v:" + the attribute + ":" + id + ":" + "s" and a text or "t" and an instant, in URL-safe Base64: the attribute,
     * so that a cursor of one sort given with another is refused instead of compared with the wrong column.
     */
    static String cursor(String attribute, long id, Object value) {
        String v;
        if (value instanceof Timestamp t) {
            v = "t" + t.toInstant();
        } else if (value instanceof Instant i) {
            v = "t" + i;
        } else if (value instanceof String s) {
            v = "s" + s;
        } else {
            throw new IllegalStateException("no keyset value for " + attribute + ": " + value);
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + attribute + ":" + id + ":" + v).getBytes(StandardCharsets.UTF_8));
    }

    private static Object decode(String encoded, Class<?> type) {
        char kind = encoded.charAt(0);
        String text = encoded.substring(1);
        if (type == String.class) {
            if (kind != 's') {
                throw notOfThisList();
            }
            return text;
        }
        if (kind != 't') {
            throw notOfThisList();
        }
        try {
            Instant instant = Instant.parse(text);
            return type == Instant.class ? instant : Timestamp.from(instant);
        } catch (DateTimeParseException e) {
            throw notOfThisList();
        }
    }

    private static ValidationException notOfThisList() {
        return new ValidationException("cursor", "is not a cursor of this list");
    }
}
