package io.tessera.crm.timeline.internal;

import javax.persistence.Column;
import javax.persistence.MappedSuperclass;

/**
 * What a merge of a contact or company changed in the timeline and restoring the merged record takes back
 * ({@link NoteMergeMove}, {@link MergeLinkAdd}): which link it concerned and the two records.
 */
@MappedSuperclass
abstract class MergeStep {
    /** {@code contactId} or {@code companyId}. */
    @Column(name = "FIELD", nullable = false, length = 20)
    String field;
    @Column(name = "MERGED_ID", nullable = false)
    long mergedId;
    @Column(name = "SURVIVOR_ID", nullable = false)
    long survivorId;

    protected MergeStep() {
    }

    MergeStep(String field, long mergedId, long survivorId) {
        this.field = field;
        this.mergedId = mergedId;
        this.survivorId = survivorId;
    }
}
