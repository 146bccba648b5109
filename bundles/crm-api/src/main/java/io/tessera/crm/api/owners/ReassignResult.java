package io.tessera.crm.api.owners;

import java.util.Map;

/** How many records of each type moved from one user to another. */
public record ReassignResult(String from, String to, Map<String, Integer> counts, int total) {
}
