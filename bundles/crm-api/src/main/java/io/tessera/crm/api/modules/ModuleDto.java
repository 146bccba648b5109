package io.tessera.crm.api.modules;

import java.time.Instant;
import java.util.List;

/**
 * One optional module. {@code id} is the short name used in URLs and commands ("analytics"); {@code feature} the
 * Karaf feature that carries it ("crm-analytics"). {@code since} is when it entered its current state (null when
 * unknown). {@code warnings} carries e.g. "licence expires on 2026-12-01".
 */
public record ModuleDto(String id, String feature, String name, String description, String version, boolean paid,
                        boolean licensed, ModuleState state, String reason, Instant since, List<String> requires,
                        List<String> warnings) {
}
