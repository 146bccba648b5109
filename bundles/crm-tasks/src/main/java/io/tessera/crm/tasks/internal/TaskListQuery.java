package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.tasks.TaskQuery;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.support.jpa.Cursors;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

/** One page of a task list: the caller's visibility, the request's filters and sort, as JPQL. */
final class TaskListQuery {
    private static final Map<String, String> SORTS = Map.of(
            "dueAt", "t.dueAt ASC NULLS LAST, t.id ASC",
            "-dueAt", "t.dueAt DESC NULLS LAST, t.id DESC",
            "priority", "t.priorityRank ASC, t.dueAt ASC NULLS LAST, t.id ASC",
            "-priority", "t.priorityRank DESC, t.dueAt ASC NULLS LAST, t.id ASC",
            "createdAt", "t.createdAt ASC, t.id ASC",
            "-createdAt", "t.createdAt DESC, t.id DESC");

    private final String jpql;
    private final Map<String, Object> params = new HashMap<>();
    private final int offset;
    private final int limit;

    /** Checks the sort (a {@link ValidationException} names it) and builds the query; {@code now} decides "overdue". */
    TaskListQuery(Caller caller, TaskQuery q, Instant now) {
        String order = SORTS.get(q.sort() == null || q.sort().isBlank() ? "dueAt" : q.sort().trim());
        if (order == null) {
            throw new ValidationException("sort",
                    "must be one of dueAt, -dueAt, priority, -priority, createdAt, -createdAt");
        }
        this.offset = Cursors.offset(q.paging());
        this.limit = q.paging().limit();
        StringBuilder jpql = new StringBuilder("SELECT t FROM TaskEntity t WHERE t.archived = :archived");
        params.put("archived", q.archived());
        if (!caller.seesAll()) {
            jpql.append(" AND t.assignee = :me");
            params.put("me", caller.username());
        }
        if (q.assignee() != null && !q.assignee().isBlank()) {
            jpql.append(" AND t.assignee = :assignee");
            params.put("assignee", q.assignee().trim());
        }
        if (q.q() != null && !q.q().isBlank()) {
            jpql.append(" AND (LOWER(t.title) LIKE :q ESCAPE '\\' OR LOWER(t.description) LIKE :q ESCAPE '\\')");
            params.put("q", TasksData.likePattern(q.q()));
        }
        if (q.status() != null) {
            jpql.append(" AND t.status = :status");
            params.put("status", q.status());
        }
        if (Boolean.TRUE.equals(q.overdue())) {
            jpql.append(" AND t.status <> :done AND t.dueAt IS NOT NULL AND t.dueAt < :now");
            params.put("done", TaskStatus.DONE);
            params.put("now", now);
        } else if (Boolean.FALSE.equals(q.overdue())) {
            jpql.append(" AND (t.status = :done OR t.dueAt IS NULL OR t.dueAt >= :now)");
            params.put("done", TaskStatus.DONE);
            params.put("now", now);
        }
        addIdFilter(jpql, "companyId", q.companyId());
        addIdFilter(jpql, "contactId", q.contactId());
        addIdFilter(jpql, "dealId", q.dealId());
        addIdFilter(jpql, "parentId", q.parentId());
        jpql.append(" ORDER BY ").append(order);
        this.jpql = jpql.toString();
    }

    /** The page's tasks and one more, so that {@link Cursors#page} can tell whether another page follows. */
    List<TaskEntity> run(EntityManager em) {
        TypedQuery<TaskEntity> query = em.createQuery(jpql, TaskEntity.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(limit + 1).getResultList();
    }

    private void addIdFilter(StringBuilder jpql, String field, Long value) {
        if (value != null) {
            jpql.append(" AND t.").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }
}
