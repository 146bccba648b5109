package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.support.jpa.Cursors;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

/**
 * A JPQL list of companies or contacts (alias {@code r}): the filters of a {@link RecordQuery}, visibility in the
 * WHERE clause, the sort plus {@code id} as tiebreaker, and keyset paging: the cursor holds the last record's sort
 * value and id, and the next page starts after them, so a deep page reads only its own rows from the list index
 * (an offset walked the index up to it) and a record stored meanwhile shifts no page. An offset cursor an earlier
 * version gave ({@link Cursors}) is still taken.
 */
final class ListQuery<E> {
    private static final String KEYSET = "v:";

    private final Class<E> type;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private Sort sort;

    private ListQuery(Class<E> type) {
        this.type = type;
    }

    /**
     * The filters both kinds share. {@code textFields} are the lower-cased (or to be lowered) text columns that
     * {@code q} searches besides emails and phones.
     */
    static <E> ListQuery<E> of(Class<E> type, Caller caller, RecordQuery query, List<String> textFields,
                               Map<String, String> sorts, String defaultSort) {
        ListQuery<E> lq = new ListQuery<>(type);
        String entity = type.getSimpleName();
        lq.sort = sort(query.sort(), sorts, defaultSort);
        lq.add("r.archived = :archived", "archived", query.archived());
        if (!caller.seesAll()) {
            lq.add("r.owner = :me", "me", caller.username());
        }
        if (query.owner() != null && !query.owner().isBlank()) {
            lq.add("r.owner = :owner", "owner", query.owner().strip());
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            lq.add("r.id IN (SELECT t0.id FROM " + entity + " t0 JOIN t0.tags t WHERE t = :tag)", "tag",
                    query.tag().strip().toLowerCase(Locale.ROOT));
        }
        String q = query.q() == null ? null : query.q().strip();
        if (q != null && !q.isEmpty()) {
            if (q.length() > Normalize.MAX_Q_LENGTH) {
                throw new ValidationException("q", "is longer than " + Normalize.MAX_Q_LENGTH + " characters");
            }
            List<String> any = new ArrayList<>();
            for (String f : textFields) {
                any.add("LOWER(r." + f + ") LIKE :q ESCAPE '!'");
            }
            any.add("r.id IN (SELECT e0.id FROM " + entity + " e0 JOIN e0.emails e WHERE e LIKE :q ESCAPE '!')");
            String digits = Normalize.phoneDigits(q);
            if (digits != null) {
                any.add("r.id IN (SELECT p0.id FROM " + entity + " p0 JOIN p0.phones p"
                        + " WHERE LOWER(p.number) LIKE :q ESCAPE '!' OR p.digits LIKE :qd ESCAPE '!')");
                lq.params.put("qd", Normalize.like(digits));
            } else {
                any.add("r.id IN (SELECT p0.id FROM " + entity + " p0 JOIN p0.phones p"
                        + " WHERE LOWER(p.number) LIKE :q ESCAPE '!')");
            }
            lq.add("(" + String.join(" OR ", any) + ")", "q", Normalize.like(q));
        }
        return lq;
    }

    ListQuery<E> add(String clause, String param, Object value) {
        where.add(clause);
        params.put(param, value);
        return this;
    }

    <T> Page<T> page(EntityManager em, io.tessera.crm.api.Paging paging, Function<E, T> mapper) {
        String[] after = keyset(paging.cursor(), sort.column());
        List<String> clauses = new ArrayList<>(where);
        Map<String, Object> values = new HashMap<>(params);
        if (after != null) {
            // the first condition is the one an index can start at; the second steps over the equal values before
            String c = "r." + sort.column();
            String op = sort.descending() ? "<" : ">";
            clauses.add(c + " " + op + "= :afterValue AND (" + c + " " + op + " :afterValue OR r.id " + op
                    + " :afterId)");
            values.put("afterValue", decodeValue(after[1]));
            values.put("afterId", Long.valueOf(after[0]));
        }
        String jpql = "SELECT r FROM " + type.getSimpleName() + " r WHERE " + String.join(" AND ", clauses)
                + " ORDER BY " + sort.orderBy();
        TypedQuery<E> query = em.createQuery(jpql, type);
        values.forEach(query::setParameter);
        if (after == null) {
            query.setFirstResult(Cursors.offset(paging));
        }
        query.setMaxResults(paging.limit() + 1);
        List<E> found = query.getResultList();
        List<T> rows = new ArrayList<>(Math.min(found.size(), paging.limit()));
        for (E e : found.subList(0, Math.min(found.size(), paging.limit()))) {
            rows.add(mapper.apply(e));
        }
        if (found.size() <= paging.limit()) {
            return new Page<>(rows, null);
        }
        E last = found.get(paging.limit() - 1);
        return new Page<>(rows, cursor(sort.column(), field(last, "id"), field(last, sort.column())));
    }

    /**
     * A field of a listed record, read by name: both entities name their id and sort columns alike ({@code id},
     * {@code sortKey}, {@code createdAt}, {@code updatedAt}), and this class is in their package.
     */
    private Object field(E record, String name) {
        try {
            return type.getDeclaredField(name).get(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no field " + name, e);
        }
    }

    /** The sort column and direction; its ORDER BY has the id as tiebreaker, in the same direction. */
    record Sort(String column, boolean descending) {
        String orderBy() {
            String dir = descending ? " DESC" : " ASC";
            return "r." + column + dir + ", r.id" + dir;
        }
    }

    /** "name" / "-createdAt" as a column and direction; an unknown sort is a validation error. */
    static Sort sort(String sort, Map<String, String> sorts, String defaultSort) {
        String s = sort == null || sort.isBlank() ? defaultSort : sort.strip();
        boolean desc = s.startsWith("-");
        String column = sorts.get(desc ? s.substring(1) : s);
        if (column == null) {
            throw new ValidationException("sort", "must be one of " + String.join(", ", sorts.keySet())
                    + ", each optionally with a leading '-' for descending");
        }
        return new Sort(column, desc);
    }

    /**
     * "v:" + the sort column + ":" + id + ":" + "s" and a text or "t" and an instant, in URL-safe Base64: the column,
     * so that a cursor of one sort given with another is refused instead of compared with the wrong column.
     */
    private static String cursor(String column, Object id, Object sortValue) {
        String v = sortValue instanceof Timestamp t ? "t" + t.toInstant() : "s" + sortValue;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((KEYSET + column + ":" + id + ":" + v).getBytes(StandardCharsets.UTF_8));
    }

    /** The id and the encoded sort value of a keyset cursor of this sort; null for none or an offset cursor. */
    private static String[] keyset(String cursor, String column) {
        if (cursor == null) {
            return null;
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // not ours: Cursors.offset says so
        }
        if (!plain.startsWith(KEYSET)) {
            return null;
        }
        String[] parts = plain.substring(KEYSET.length()).split(":", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9]{1,19}") || parts[2].isEmpty()) {
            throw new ValidationException("cursor", "is not a cursor of this list");
        }
        if (!parts[0].equals(column)) {
            throw new ValidationException("cursor", "belongs to another sort of this list: start again without one");
        }
        return new String[] {parts[1], parts[2]};
    }

    private static Object decodeValue(String encoded) {
        try {
            return encoded.charAt(0) == 't' ? Timestamp.from(Instant.parse(encoded.substring(1)))
                    : encoded.substring(1);
        } catch (DateTimeParseException e) {
            throw new ValidationException("cursor", "is not a cursor of this list");
        }
    }

    static Map<String, String> sorts(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
