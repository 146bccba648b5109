package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.support.jpa.Cursors;
import io.tessera.crm.support.jpa.KeysetPaging;
import java.util.ArrayList;
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
 * WHERE clause, the sort plus {@code id} as tiebreaker, and keyset paging ({@link KeysetPaging}), so that a deep page
 * reads only its own rows from the list index. An offset cursor an earlier version gave ({@link Cursors}) is still
 * taken.
 */
final class ListQuery<E> {
    private final Class<E> type;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private KeysetPaging.Sort sort;

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
        lq.sort = sort(type, query.sort(), sorts, defaultSort);
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

    <T> Page<T> page(EntityManager em, Paging paging, Function<E, T> mapper) {
        KeysetPaging.After after = KeysetPaging.after(paging, sort);
        List<String> clauses = new ArrayList<>(where);
        if (after != null) {
            clauses.add(sort.after("r"));
        }
        String jpql = "SELECT r FROM " + type.getSimpleName() + " r WHERE " + String.join(" AND ", clauses)
                + " ORDER BY " + sort.orderBy("r");
        TypedQuery<E> query = em.createQuery(jpql, type);
        params.forEach(query::setParameter);
        KeysetPaging.startAt(query, after, paging);
        return KeysetPaging.page(query.getResultList(), paging, sort, e -> field(e, sort.attribute()),
                e -> (Long) field(e, "id"), shown -> shown.stream().map(mapper).toList());
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

    /**
     * "name" / "-createdAt" as the entity's attribute (of the type its field has) and a direction; an unknown sort is
     * a validation error.
     */
    static KeysetPaging.Sort sort(Class<?> type, String sort, Map<String, String> sorts, String defaultSort) {
        String s = sort == null || sort.isBlank() ? defaultSort : sort.strip();
        boolean desc = s.startsWith("-");
        String attribute = sorts.get(desc ? s.substring(1) : s);
        if (attribute == null) {
            throw new ValidationException("sort", "must be one of " + String.join(", ", sorts.keySet())
                    + ", each optionally with a leading '-' for descending");
        }
        try {
            return new KeysetPaging.Sort(attribute, desc, type.getDeclaredField(attribute).getType());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no field " + attribute, e);
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
