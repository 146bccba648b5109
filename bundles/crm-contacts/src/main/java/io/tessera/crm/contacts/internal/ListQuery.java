package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.support.jpa.Cursors;
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
 * WHERE clause, the sort plus {@code id} as tiebreaker, and offset paging through {@link Cursors}.
 */
final class ListQuery<E> {
    private final Class<E> type;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private String orderBy;

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
        lq.orderBy = orderBy(query.sort(), sorts, defaultSort);
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
        int offset = Cursors.offset(paging);
        String jpql = "SELECT r FROM " + type.getSimpleName() + " r WHERE " + String.join(" AND ", where)
                + " ORDER BY " + orderBy;
        TypedQuery<E> query = em.createQuery(jpql, type);
        params.forEach(query::setParameter);
        query.setFirstResult(offset);
        query.setMaxResults(paging.limit() + 1);
        List<T> rows = new ArrayList<>();
        for (E e : query.getResultList()) {
            rows.add(mapper.apply(e));
        }
        return Cursors.page(rows, paging);
    }

    /** "name" / "-createdAt" into an ORDER BY with the id as tiebreaker; unknown sorts are a validation error. */
    static String orderBy(String sort, Map<String, String> sorts, String defaultSort) {
        String s = sort == null || sort.isBlank() ? defaultSort : sort.strip();
        boolean desc = s.startsWith("-");
        String key = desc ? s.substring(1) : s;
        String column = sorts.get(key);
        if (column == null) {
            throw new ValidationException("sort", "must be one of " + String.join(", ", sorts.keySet())
                    + ", each optionally with a leading '-' for descending");
        }
        String dir = desc ? " DESC" : " ASC";
        return "r." + column + dir + ", r.id" + dir;
    }

    static Map<String, String> sorts(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
