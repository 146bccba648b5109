package io.tessera.crm.api.contacts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client may set on a company: create takes it whole, update replaces every field with it. {@code owner} null
 * means the caller. {@code customFields} values are strings, numbers, booleans or null.
 */
public record CompanyInput(String name, String legalName, String taxId, String industry, String website,
                           List<String> phones, List<String> emails, Address address, Set<String> tags,
                           Map<String, Object> customFields, String owner) {
}
