package io.tessera.crm.api.deals;

import java.util.List;

/** A pipeline with its stages in order. */
public record PipelineInput(String name, List<StageInput> stages) {
}
