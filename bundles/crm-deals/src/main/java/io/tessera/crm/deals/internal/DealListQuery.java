package io.tessera.crm.deals.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.support.jpa.Cursors;
import io.tessera.crm.support.jpa.KeysetPaging;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

/**
 * One page of a deal list: the caller's visibility, the request's filters and sort, as JPQL. Sorts by a column that
 * is never null (creation, update, title) page by keyset ({@link KeysetPaging}); the default, newest first, reads
 * {@link DealListIndex}'s index, so a deep page of a large base (an export walks them all) costs what the first
 * does. Amount and expected close date may be null and keep offset cursors.
 */
final class DealListQuery {
    private static final Map<String, Class<?>> KEYSET_SORTS = Map.of(
            "createdAt", Instant.class, "updatedAt", Instant.class, "title", String.class);
    private static final Map<String, String> OFFSET_SORTS = Map.of(
            "amount", "d.amount ASC, d.id ASC",
            "-amount", "d.amount DESC, d.id DESC",
            "expectedCloseDate", "d.expectedCloseDate ASC, d.id ASC",
            "-expectedCloseDate", "d.expectedCloseDate DESC, d.id DESC");

    private final StringBuilder jpql = new StringBuilder("SELECT d FROM DealEntity d WHERE d.archived = :archived");
    private final Map<String, Object> params = new HashMap<>();
    private final Paging paging;
    private final KeysetPaging.Sort keyset;
    private final String offsetOrder;

    /** Checks the sort (a {@link ValidationException} names it) and builds the query. */
    DealListQuery(Caller caller, DealQuery q) {
        String sort = q.sort() == null || q.sort().isBlank() ? "-createdAt" : q.sort().trim();
        boolean descending = sort.startsWith("-");
        String attribute = descending ? sort.substring(1) : sort;
        Class<?> type = KEYSET_SORTS.get(attribute);
        this.keyset = type == null ? null : new KeysetPaging.Sort(attribute, descending, type);
        this.offsetOrder = OFFSET_SORTS.get(sort);
        if (keyset == null && offsetOrder == null) {
            throw new ValidationException("sort", "must be one of createdAt, -createdAt, updatedAt, -updatedAt, "
                    + "amount, -amount, expectedCloseDate, -expectedCloseDate, title, -title");
        }
        this.paging = q.paging();
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
    }

    /** The page's deals, mapped; the next cursor, if another page follows, is a keyset or an offset cursor. */
    <T> Page<T> page(EntityManager em, Function<List<DealEntity>, List<T>> mapper) {
        KeysetPaging.After after = keyset == null ? null : KeysetPaging.after(paging, keyset);
        String where = after == null ? "" : " AND " + keyset.after("d");
        String order = keyset == null ? offsetOrder : keyset.orderBy("d");
        TypedQuery<DealEntity> query = em.createQuery(jpql + where + " ORDER BY " + order, DealEntity.class);
        params.forEach(query::setParameter);
        KeysetPaging.startAt(query, after, paging);
        List<DealEntity> found = query.getResultList();
        if (keyset == null) {
            return Cursors.page(mapper.apply(found), paging);
        }
        return KeysetPaging.page(found, paging, keyset, this::sortValue, DealEntity::getId, mapper);
    }

    private Object sortValue(DealEntity d) {
        return switch (keyset.attribute()) {
            case "createdAt" -> d.getCreatedAt();
            case "updatedAt" -> d.getUpdatedAt();
            default -> d.getTitle();
        };
    }
}
