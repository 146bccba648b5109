package io.tessera.crm.api.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a client may set on a deal. {@code pipelineId}/{@code stageId} null mean the default pipeline and its first
 * stage. Moving {@code stageId} into a WON stage wins the deal, into a LOST stage loses it ({@code lossReason} is then
 * required and must be one of the configured reasons). {@code amount} needs {@code currency} (ISO 4217).
 */
public record DealInput(String title, Long pipelineId, Long stageId, BigDecimal amount, String currency,
                        LocalDate expectedCloseDate, String owner, Long companyId, List<Long> contactIds,
                        String source, String lossReason, String lossComment) {
}
