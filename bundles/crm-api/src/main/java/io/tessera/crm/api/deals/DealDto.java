package io.tessera.crm.api.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A deal as the API shows it, with its stage history oldest first. */
public record DealDto(long id, long version, String title, long pipelineId, long stageId, DealStatus status,
                      BigDecimal amount, String currency, LocalDate expectedCloseDate, String owner, Long companyId,
                      List<Long> contactIds, String source, String lossReason, String lossComment, Instant closedAt,
                      List<StageChange> stageHistory, boolean archived, Instant createdAt, Instant updatedAt) {
}
