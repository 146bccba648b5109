package io.tessera.crm.api.deals;

import io.tessera.crm.api.Paging;

/**
 * A deal list request; every filter is optional. {@code q} matches the title. {@code sort}: {@code createdAt},
 * {@code -createdAt} (default), {@code amount}, {@code -amount}, {@code expectedCloseDate}, {@code title}.
 */
public record DealQuery(String q, String owner, Long pipelineId, Long stageId, DealStatus status, Long companyId,
                        Long contactId, String lossReason, boolean archived, String sort, Paging paging) {
    public DealQuery {
        paging = paging == null ? Paging.FIRST : paging;
    }

    public static DealQuery all() {
        return new DealQuery(null, null, null, null, null, null, null, null, false, null, Paging.FIRST);
    }
}
