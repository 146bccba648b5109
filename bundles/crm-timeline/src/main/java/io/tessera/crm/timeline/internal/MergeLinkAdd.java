package io.tessera.crm.timeline.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * A timeline entry of the merged contact or company that a merge also linked to the survivor (table
 * TL_MERGE_LINK_ADD): restoring the merged record takes that link away again, so the survivor's history is what it
 * was before the merge. Entries that concerned both records before the merge have no row here and keep both links.
 */
@Entity
@Table(name = "TL_MERGE_LINK_ADD", indexes = @Index(name = "TL_MERGE_LINK_ADD_IX",
        columnList = "MERGED_ID, SURVIVOR_ID"))
public class MergeLinkAdd extends MergeStep {
    @Id
    @TableGenerator(name = "tl_merge_link_ids", table = "TL_IDS", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_VALUE", pkColumnValue = "TL_MERGE_LINK_ADD", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "tl_merge_link_ids")
    Long id;
    @Column(name = "ENTRY_ID", nullable = false)
    long entryId;

    protected MergeLinkAdd() {
    }

    MergeLinkAdd(String field, long mergedId, long survivorId, long entryId) {
        super(field, mergedId, survivorId);
        this.entryId = entryId;
    }
}
