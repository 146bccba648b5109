package io.tessera.crm.api.contacts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A contact (person) as the API shows it. */
public record ContactDto(long id, long version, String firstName, String lastName, String position,
                         List<String> phones, List<String> emails, LocalDate birthday, String notes, Set<String> tags,
                         Map<String, Object> customFields, String owner, String source, List<Long> companyIds,
                         boolean archived, Instant createdAt, Instant updatedAt) {
}
