package io.tessera.crm.deals.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.support.jpa.Cursors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

/** One page of a deal list: the caller's visibility, the request's filters and sort, as JPQL. */
final class DealListQuery {
    private static final Map<String, String> SORTS = Map.ofEntries(
            Map.entry("createdAt", "d.createdAt ASC, d.id ASC"),
            Map.entry("-createdAt", "d.createdAt DESC, d.id DESC"),
            Map.entry("updatedAt", "d.updatedAt ASC, d.id ASC"),
            Map.entry("-updatedAt", "d.updatedAt DESC, d.id DESC"),
            Map.entry("amount", "d.amount ASC, d.id ASC"),
            Map.entry("-amount", "d.amount DESC, d.id DESC"),
            Map.entry("expectedCloseDate", "d.expectedCloseDate ASC, d.id ASC"),
            Map.entry("-expectedCloseDate", "d.expectedCloseDate DESC, d.id DESC"),
            Map.entry("title", "d.title ASC, d.id ASC"),
            Map.entry("-title", "d.title DESC, d.id DESC"));

    private final String jpql;
    private final Map<String, Object> params = new HashMap<>();
    private final int offset;
    private final int limit;

    /** Checks the sort (a {@link ValidationException} names it) and builds the query. */
    DealListQuery(Caller caller, DealQuery q) {
        String order = SORTS.get(q.sort() == null || q.sort().isBlank() ? "-createdAt" : q.sort().trim());
        if (order == null) {
            throw new ValidationException("sort", "must be one of createdAt, -createdAt, updatedAt, -updatedAt, "
                    + "amount, -amount, expectedCloseDate, -expectedCloseDate, title, -title");
        }
        this.offset = Cursors.offset(q.paging());
        this.limit = q.paging().limit();
        StringBuilder jpql = new StringBuilder("SELECT d FROM DealEntity d WHERE d.archived = :archived");
        params.put("archived", q.archived());
        if (!caller.seesAll()) {
            jpql.append(" AND d.owner = :me");
            params.put("me", caller.username());
        }
        if (q.owner() != null && !q.owner().isBlank()) {
            jpql.append(" AND d.owner = :owner");
            params.put("owner", q.owner().trim());
        }
        if (q.q() != null && !q.q().isBlank()) {
            jpql.append(" AND LOWER(d.title) LIKE :q ESCAPE '\\'");
            params.put("q", DealsData.likePattern(q.q()));
        }
        if (q.pipelineId() != null) {
            jpql.append(" AND d.pipelineId = :pipelineId");
            params.put("pipelineId", q.pipelineId());
        }
        if (q.stageId() != null) {
            jpql.append(" AND d.stageId = :stageId");
            params.put("stageId", q.stageId());
        }
        if (q.status() != null) {
            jpql.append(" AND d.status = :status");
            params.put("status", q.status());
        }
        if (q.companyId() != null) {
            jpql.append(" AND d.companyId = :companyId");
            params.put("companyId", q.companyId());
        }
        if (q.contactId() != null) {
            jpql.append(" AND :contactId MEMBER OF d.contactIds");
            params.put("contactId", q.contactId());
        }
        if (q.lossReason() != null && !q.lossReason().isBlank()) {
            jpql.append(" AND d.lossReason = :lossReason");
            params.put("lossReason", q.lossReason().trim());
        }
        jpql.append(" ORDER BY ").append(order);
        this.jpql = jpql.toString();
    }

    /** The page's deals and one more, so that {@link Cursors#page} can tell whether another page follows. */
    List<DealEntity> run(EntityManager em) {
        TypedQuery<DealEntity> query = em.createQuery(jpql, DealEntity.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(limit + 1).getResultList();
    }
}
