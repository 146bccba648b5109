package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.tasks.TaskStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

/** Queries and helpers shared by the components of this bundle. */
final class TasksData {
    private static final int CHUNK = 500;

    private TasksData() {
    }

    /** Now, to the millisecond (what the database keeps exactly, so a returned record equals a re-read one). */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Escapes LIKE wildcards; used with {@code ESCAPE '\'}. */
    static String likePattern(String q) {
        String escaped = q.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static boolean isOverdue(TaskEntity t, Instant now) {
        return t.getStatus() != TaskStatus.DONE && t.getDueAt() != null && t.getDueAt().isBefore(now);
    }

    /**
     * The live (not archived) subtasks of the given tasks, ids ascending, by parent id. With {@code assignee} given
     * only the subtasks assigned to that user are listed (what a sales user may see).
     */
    static Map<Long, List<Long>> subtasks(EntityManager em, Collection<Long> parentIds, String assignee) {
        Map<Long, List<Long>> result = new HashMap<>();
        List<Long> ids = List.copyOf(parentIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            String jpql = "SELECT t.parentId, t.id FROM TaskEntity t WHERE t.parentId IN :ids AND t.archived = false"
                    + (assignee == null ? "" : " AND t.assignee = :assignee") + " ORDER BY t.parentId, t.id";
            var query = em.createQuery(jpql, Object[].class).setParameter("ids", ids.subList(i,
                    Math.min(ids.size(), i + CHUNK)));
            if (assignee != null) {
                query.setParameter("assignee", assignee);
            }
            for (Object[] row : query.getResultList()) {
                result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Long) row[1]);
            }
        }
        return result;
    }

    /** A converted column read through JPQL may come back as the Java or the JDBC type. */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        throw new IllegalStateException("not an instant: " + value.getClass());
    }
}
