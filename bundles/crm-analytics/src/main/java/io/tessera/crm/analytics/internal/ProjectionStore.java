package io.tessera.crm.analytics.internal;

import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.StageChange;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.support.jpa.Transactions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

/** Writes the projection: one deal (with its stage visits) or task at a time, or a page of them in one transaction. */
final class ProjectionStore {
    private final Transactions tx;

    ProjectionStore(EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
    }

    void upsertDeals(Collection<DealDto> deals) {
        if (deals.isEmpty()) {
            return;
        }
        tx.write(em -> {
            Rollups rollups = new Rollups();
            deals.forEach(d -> upsertDeal(em, d, rollups));
            rollups.apply(em);
            return null;
        });
    }

    void upsertTasks(Collection<TaskDto> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        tx.write(em -> {
            tasks.forEach(t -> upsertTask(em, t));
            return null;
        });
    }

    /** The stored source versions of the given deals (missing ids are absent). */
    Map<Long, Long> dealVersions(Collection<Long> ids) {
        return versions("SELECT d.id, d.sourceVersion FROM AnlDealEntity d WHERE d.id IN :ids", ids);
    }

    Map<Long, Long> taskVersions(Collection<Long> ids) {
        return versions("SELECT t.id, t.sourceVersion FROM AnlTaskEntity t WHERE t.id IN :ids", ids);
    }

    private Map<Long, Long> versions(String jpql, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.read(em -> {
            Map<Long, Long> result = new HashMap<>();
            for (Object[] row : em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList()) {
                result.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
            }
            return result;
        });
    }

    /** Rewrites the roll-ups from ANL_DEAL and ANL_STAGE_ENTRY (set-based SQL, one transaction). */
    void rebuildRollups() {
        tx.write(em -> {
            Rollups.rebuild(em);
            return null;
        });
    }

    /** Whether the roll-ups are empty although deals are projected (written by a version without roll-ups). */
    boolean rollupsMissing() {
        return tx.read(em -> Rollups.empty(em) && !em.createQuery("SELECT d.id FROM AnlDealEntity d", Object.class)
                .setMaxResults(1).getResultList().isEmpty());
    }

    /**
     * Rewrites one deal and its stage visits; its old contribution to the roll-ups (from the stored rows) is
     * subtracted and the new one added to {@code rollups}, which the caller applies in the same transaction.
     */
    private static void upsertDeal(EntityManager em, DealDto dto, Rollups rollups) {
        AnlDealEntity d = em.find(AnlDealEntity.class, dto.id());
        if (d == null) {
            d = new AnlDealEntity();
            d.setId(dto.id());
            em.persist(d);
        } else {
            rollups.subtract(d, em.createQuery("SELECT e FROM AnlStageEntryEntity e WHERE e.dealId = :id",
                            AnlStageEntryEntity.class).setParameter("id", dto.id()).getResultList().stream()
                    .map(Rollups.Visit::of).toList());
        }
        d.setSourceVersion(dto.version());
        d.setPipelineId(dto.pipelineId());
        d.setStageId(dto.stageId());
        d.setStatus(dto.status());
        d.setAmount(dto.amount());
        d.setCurrency(dto.amount() == null ? null : dto.currency());
        d.setOwner(dto.owner());
        d.setSource(dto.source());
        d.setCreatedAt(dto.createdAt());
        d.setExpectedCloseDate(dto.expectedCloseDate());
        d.setClosedAt(dto.closedAt());
        d.setLossReason(dto.lossReason());
        d.setArchived(dto.archived());

        em.createQuery("DELETE FROM AnlStageEntryEntity e WHERE e.dealId = :id").setParameter("id", dto.id())
                .executeUpdate();
        List<StageChange> history = dto.stageHistory() == null ? List.of() : dto.stageHistory();
        Set<Long> seen = new HashSet<>();
        List<Rollups.Visit> visits = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            StageChange change = history.get(i);
            StageChange next = i + 1 < history.size() ? history.get(i + 1) : null;
            AnlStageEntryEntity entry = new AnlStageEntryEntity(dto.id(), i, change.pipelineId(), change.toStageId(),
                    change.at(), next == null ? null : next.at(), seen.add(change.toStageId()), dto.archived(),
                    d.getAmount(), d.getCurrency());
            em.persist(entry);
            visits.add(Rollups.Visit.of(entry));
        }
        rollups.add(d, visits);
    }

    private static void upsertTask(EntityManager em, TaskDto dto) {
        AnlTaskEntity t = em.find(AnlTaskEntity.class, dto.id());
        if (t == null) {
            t = new AnlTaskEntity();
            t.setId(dto.id());
            em.persist(t);
        }
        t.setSourceVersion(dto.version());
        t.setAssignee(dto.assignee());
        t.setDueAt(dto.dueAt());
        t.setStatus(dto.status());
        t.setArchived(dto.archived());
    }
}
