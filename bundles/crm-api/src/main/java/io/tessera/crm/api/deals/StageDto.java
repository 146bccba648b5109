package io.tessera.crm.api.deals;

import java.util.List;

/** One stage of a pipeline; {@code probability} is the win probability in percent (0-100). */
public record StageDto(long id, long pipelineId, String name, int position, int probability, StageKind kind,
                       List<TaskTemplate> taskTemplates) {
}
