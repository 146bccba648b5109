package io.tessera.crm.rest.contacts;

import io.tessera.crm.api.ValidationException;
import io.tessera.crm.rest.support.RestSupport;

/** What the contact and company resources share for duplicates and merging. */
final class Merging {
    private Merging() {
    }

    static long mergeId(MergeRequest body) {
        MergeRequest request = RestSupport.body(body);
        if (request.mergeId() == null) {
            throw new ValidationException("mergeId", "is required");
        }
        return request.mergeId();
    }

    /** The survivor's version from {@code If-Match}, or null (no check) when absent or {@code *}. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        return RestSupport.expectedVersion(ifMatch, null, 0);
    }
}
