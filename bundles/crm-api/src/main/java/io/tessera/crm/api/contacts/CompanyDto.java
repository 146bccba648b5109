package io.tessera.crm.api.contacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A company (organisation) as the API shows it. {@code domain} is derived from the website. */
public record CompanyDto(long id, long version, String name, String legalName, String taxId, String industry,
                         String website, String domain, List<String> phones, List<String> emails, Address address,
                         Set<String> tags, Map<String, Object> customFields, String owner, boolean archived,
                         Instant createdAt, Instant updatedAt) {
}
