package io.tessera.crm.api.deals;

import java.util.List;

/** A pipeline with its stages in order. */
public record PipelineDto(long id, long version, String name, boolean defaultPipeline, List<StageDto> stages,
                          boolean archived) {
}
