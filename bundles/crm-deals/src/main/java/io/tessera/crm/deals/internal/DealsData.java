package io.tessera.crm.deals.internal;

import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.StageDto;
import io.tessera.crm.api.deals.StageKind;
import io.tessera.crm.api.deals.TaskTemplate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

/** Queries and mappings shared by the services of this bundle. */
final class DealsData {
    private DealsData() {
    }

    /** Now, to the millisecond (what the database keeps exactly, so a returned record equals a re-read one). */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The stages of a pipeline that are not removed, in order. */
    static List<StageEntity> stagesOf(EntityManager em, long pipelineId) {
        return em.createQuery("SELECT s FROM StageEntity s WHERE s.pipelineId = :p AND s.removed = false"
                        + " ORDER BY s.position, s.id", StageEntity.class)
                .setParameter("p", pipelineId).getResultList();
    }

    /** The live stages of several pipelines, grouped by pipeline id, each list in order. */
    static Map<Long, List<StageEntity>> stagesOf(EntityManager em, Collection<Long> pipelineIds) {
        if (pipelineIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT s FROM StageEntity s WHERE s.pipelineId IN :p AND s.removed = false"
                        + " ORDER BY s.pipelineId, s.position, s.id", StageEntity.class)
                .setParameter("p", pipelineIds).getResultList().stream()
                .collect(Collectors.groupingBy(StageEntity::getPipelineId, Collectors.toList()));
    }

    static PipelineEntity defaultPipeline(EntityManager em) {
        List<PipelineEntity> found = em.createQuery("SELECT p FROM PipelineEntity p WHERE p.defaultPipeline = true"
                        + " AND p.archived = false ORDER BY p.id", PipelineEntity.class)
                .setMaxResults(1).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    static StageEntity firstOpenStage(EntityManager em, long pipelineId) {
        return stagesOf(em, pipelineId).stream().filter(s -> s.getKind() == StageKind.OPEN).findFirst().orElse(null);
    }

    static long liveDealsInStage(EntityManager em, long stageId) {
        return em.createQuery("SELECT COUNT(d) FROM DealEntity d WHERE d.stageId = :s AND d.archived = false",
                Long.class).setParameter("s", stageId).getSingleResult();
    }

    static long openDealsInPipeline(EntityManager em, long pipelineId) {
        return em.createQuery("SELECT COUNT(d) FROM DealEntity d WHERE d.pipelineId = :p AND d.archived = false"
                        + " AND d.status = :open", Long.class)
                .setParameter("p", pipelineId).setParameter("open", DealStatus.OPEN).getSingleResult();
    }

    static StageDto toDto(StageEntity s) {
        List<TaskTemplate> templates = s.getTaskTemplates().stream()
                .map(t -> new TaskTemplate(t.getTitle(), t.getDescription(), t.getDueInHours(), t.getPriority()))
                .toList();
        return new StageDto(s.getId(), s.getPipelineId(), s.getName(), s.getPosition(), s.getProbability(),
                s.getKind(), templates);
    }

    static PipelineDto toDto(PipelineEntity p, List<StageEntity> stages) {
        return new PipelineDto(p.getId(), p.getVersion(), p.getName(), p.isDefaultPipeline(),
                stages.stream().map(DealsData::toDto).toList(), p.isArchived());
    }

    /** Escapes LIKE wildcards; used with {@code ESCAPE '\'}. */
    static String likePattern(String q) {
        String escaped = q.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
