package io.tessera.crm.api.deals;

import java.util.List;

/**
 * A stage in a pipeline create/update. {@code id} names an existing stage to keep (deals in it stay); null adds a new
 * one. {@code kind} null means OPEN; {@code probability} null means 0 for LOST, 100 for WON, else required.
 */
public record StageInput(Long id, String name, Integer probability, StageKind kind, List<TaskTemplate> taskTemplates) {
}
