package io.tessera.crm.api.security;

import java.util.Set;

/** A user of the CRM with their CRM roles. */
public record UserDto(String username, Set<String> roles) {
}
