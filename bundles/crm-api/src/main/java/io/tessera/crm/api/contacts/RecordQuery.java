package io.tessera.crm.api.contacts;

import io.tessera.crm.api.Paging;

/**
 * A list request for companies or contacts. {@code q} matches names, emails and phones; {@code sort} is a field
 * name, with a leading '-' for descending ({@code name}, {@code -createdAt}, {@code updatedAt}); {@code companyId}
 * only applies to contacts. {@code archived} true lists the archive instead of the live records.
 */
public record RecordQuery(String q, String owner, String tag, Long companyId, boolean archived, String sort,
                          Paging paging) {
    public RecordQuery {
        paging = paging == null ? Paging.FIRST : paging;
    }

    public static RecordQuery all() {
        return new RecordQuery(null, null, null, null, false, null, Paging.FIRST);
    }
}
