package io.tessera.crm.deals.internal;

import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.StageChange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

/** Deals as the API gives them: the entity's fields and its stage history. */
final class DealDtos {
    private DealDtos() {
    }

    static Map<Long, List<StageChange>> histories(EntityManager em, List<Long> dealIds) {
        if (dealIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT h FROM StageChangeEntity h WHERE h.dealId IN :ids ORDER BY h.at, h.id",
                        StageChangeEntity.class)
                .setParameter("ids", dealIds).getResultList().stream()
                .collect(Collectors.groupingBy(StageChangeEntity::getDealId,
                        Collectors.mapping(DealDtos::stageChange, Collectors.toList())));
    }

    static StageChange stageChange(StageChangeEntity h) {
        return new StageChange(h.getFromStageId(), h.getToStageId(), h.getPipelineId(), h.getAt(), h.getBy());
    }

    static DealDto toDto(EntityManager em, DealEntity d) {
        return toDto(d, histories(em, List.of(d.getId())).getOrDefault(d.getId(), List.of()));
    }

    static DealDto toDto(DealEntity d, List<StageChange> history) {
        BigDecimal amount = d.getAmount() == null ? null : d.getAmount().setScale(2, RoundingMode.HALF_UP);
        return new DealDto(d.getId(), d.getVersion(), d.getTitle(), d.getPipelineId(), d.getStageId(),
                d.getStatus(), amount, d.getCurrency(), d.getExpectedCloseDate(), d.getOwner(), d.getCompanyId(),
                List.copyOf(d.getContactIds()), d.getSource(), d.getLossReason(), d.getLossComment(),
                d.getClosedAt(), List.copyOf(history), d.isArchived(), d.getCreatedAt(), d.getUpdatedAt());
    }
}
