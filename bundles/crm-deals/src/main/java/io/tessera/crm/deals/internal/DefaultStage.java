package io.tessera.crm.deals.internal;

import java.util.concurrent.atomic.AtomicReference;
import javax.persistence.EntityManager;

/**
 * The stage a deal given no pipeline and no stage goes to: the default pipeline's first open stage. Finding it takes
 * two queries, which a file import with a deal on every row paid per deal; so the answer is kept with the version of
 * the pipeline it came from. Stages change only through a pipeline update, which raises the pipeline's version, so a
 * kept answer is checked with one {@code em.find} of the pipeline (from the persistence unit's cache) and read again
 * only after such a change.
 */
final class DefaultStage {
    private record Kept(long pipelineId, long pipelineVersion, long stageId) {
    }

    private final AtomicReference<Kept> kept = new AtomicReference<>();

    /** The default pipeline's first open stage; null when there is no default pipeline or it has no open stage. */
    StageEntity find(EntityManager em) {
        Kept k = kept.get();
        if (k != null) {
            PipelineEntity pipeline = em.find(PipelineEntity.class, k.pipelineId());
            if (pipeline != null && pipeline.getVersion() == k.pipelineVersion() && pipeline.isDefaultPipeline()
                    && !pipeline.isArchived()) {
                StageEntity stage = em.find(StageEntity.class, k.stageId());
                if (stage != null && !stage.isRemoved()) {
                    return stage;
                }
            }
        }
        PipelineEntity pipeline = DealsData.defaultPipeline(em);
        if (pipeline == null) {
            kept.set(null);
            return null;
        }
        StageEntity stage = DealsData.firstOpenStage(em, pipeline.getId());
        kept.set(stage == null ? null : new Kept(pipeline.getId(), pipeline.getVersion(), stage.getId()));
        return stage;
    }
}
