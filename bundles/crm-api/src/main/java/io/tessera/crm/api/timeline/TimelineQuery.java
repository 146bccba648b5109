package io.tessera.crm.api.timeline;

import io.tessera.crm.api.Paging;

/** Whose history: exactly one of the three ids. */
public record TimelineQuery(Long companyId, Long contactId, Long dealId, Paging paging) {
    public TimelineQuery {
        paging = paging == null ? Paging.FIRST : paging;
    }
}
