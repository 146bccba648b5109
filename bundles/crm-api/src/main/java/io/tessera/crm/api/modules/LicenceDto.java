package io.tessera.crm.api.modules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The installed licence as the API shows it. {@code valid} is false once expired (or when none is installed);
 * {@code warnings} says e.g. that it expires within 14 days.
 */
public record LicenceDto(String id, String customer, List<String> modules, LocalDate validUntil, int maxUsers,
                         Instant issuedAt, String keyId, boolean valid, List<String> warnings) {
}
