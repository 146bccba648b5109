package io.tessera.crm.api.deals;

import java.time.Instant;

/** One move of a deal into a stage; {@code fromStageId} is null for the deal's first stage. */
public record StageChange(Long fromStageId, long toStageId, long pipelineId, Instant at, String by) {
}
