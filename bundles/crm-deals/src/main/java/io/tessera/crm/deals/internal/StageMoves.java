package io.tessera.crm.deals.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.StageKind;
import java.time.Instant;
import javax.persistence.EntityManager;

/** A deal entering a stage: what its status, closing time and loss details become, and the events it raises. */
final class StageMoves {
    private StageMoves() {
    }

    /** The deal enters {@code stage}: pipeline, status, closing time and loss details follow the stage kind. */
    static void enterStage(DealEntity d, StageEntity stage, String lossReason, String lossComment, Instant now) {
        DealStatus before = d.getStatus();
        d.setPipelineId(stage.getPipelineId());
        d.setStageId(stage.getId());
        switch (stage.getKind()) {
            case WON -> {
                d.setStatus(DealStatus.WON);
                if (before != DealStatus.WON || d.getClosedAt() == null) {
                    d.setClosedAt(now);
                }
                d.setLossReason(null);
                d.setLossComment(null);
            }
            case LOST -> {
                d.setStatus(DealStatus.LOST);
                if (before != DealStatus.LOST || d.getClosedAt() == null) {
                    d.setClosedAt(now);
                }
                d.setLossReason(lossReason);
                d.setLossComment(DealServiceImpl.blankToNull(lossComment));
            }
            default -> {
                d.setStatus(DealStatus.OPEN);
                d.setClosedAt(null);
                d.setLossReason(null);
                d.setLossComment(null);
            }
        }
    }

    static void queueMoveEvents(EntityManager em, DealEvents queued, Caller caller, DealEntity d,
                                Long fromStageId, DealStatus before, StageEntity to) {
        StageEntity from = fromStageId == null ? null : em.find(StageEntity.class, fromStageId);
        String fromName = from == null ? "?" : from.getName();
        String toName = to.getName();
        if (from != null && from.getPipelineId() != to.getPipelineId()) {
            fromName = pipelineName(em, from.getPipelineId()) + " / " + fromName;
            toName = pipelineName(em, to.getPipelineId()) + " / " + toName;
        }
        queued.add(CrmEvents.STAGE_CHANGED, caller.username(), d,
                "Deal '" + d.getTitle() + "' moved from " + fromName + " to " + toName, fromStageId);
        if (to.getKind() == StageKind.OPEN && before != DealStatus.OPEN) {
            queued.add(CrmEvents.REOPENED, caller.username(), d,
                    "Deal '" + d.getTitle() + "' reopened in " + to.getName(), fromStageId);
        }
        queueCloseEvent(queued, caller, d, before, to);
    }

    static void queueCloseEvent(DealEvents queued, Caller caller, DealEntity d, DealStatus before, StageEntity to) {
        if (to.getKind() == StageKind.WON && before != DealStatus.WON) {
            queued.add(CrmEvents.WON, caller.username(), d, "Deal '" + d.getTitle() + "' won", null);
        } else if (to.getKind() == StageKind.LOST && before != DealStatus.LOST) {
            queued.add(CrmEvents.LOST, caller.username(), d,
                    "Deal '" + d.getTitle() + "' lost: " + d.getLossReason(), null);
        }
    }

    private static String pipelineName(EntityManager em, long pipelineId) {
        PipelineEntity p = em.find(PipelineEntity.class, pipelineId);
        return p == null ? "?" : p.getName();
    }
}
