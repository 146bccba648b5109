package io.tessera.crm.api.contacts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client may set on a contact (a person). {@code companyIds} may be empty: a private (B2C) client.
 * {@code owner} null means the caller.
 */
public record ContactInput(String firstName, String lastName, String position, List<String> phones,
                           List<String> emails, LocalDate birthday, String notes, Set<String> tags,
                           Map<String, Object> customFields, String owner, String source, List<Long> companyIds) {
}
