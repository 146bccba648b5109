package io.tessera.crm.deals.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * A deal a merge re-pointed from the merged contact or company to the survivor (table DEAL_MERGE_MOVE): restoring the
 * merged record points it back if it still refers to the survivor.
 */
@Entity
@Table(name = "DEAL_MERGE_MOVE", indexes = @Index(name = "DEAL_MERGE_MOVE_IX", columnList = "MERGED_ID, SURVIVOR_ID"))
public class DealMergeMove {
    @Id
    @TableGenerator(name = "DEAL_MOVE_GEN", table = "DEAL_IDS", pkColumnName = "GEN_KEY",
            valueColumnName = "GEN_VALUE", pkColumnValue = "merge-move", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DEAL_MOVE_GEN")
    Long id;
    /** {@code contact} or {@code company}: what was merged. */
    @Column(name = "KIND", nullable = false, length = 10)
    String kind;
    @Column(name = "MERGED_ID", nullable = false)
    long mergedId;
    @Column(name = "SURVIVOR_ID", nullable = false)
    long survivorId;
    @Column(name = "DEAL_ID", nullable = false)
    long dealId;
    /** For a contact merge: the merge linked the survivor (it was not linked to the deal before). */
    @Column(name = "SURVIVOR_ADDED", nullable = false)
    boolean survivorAdded;

    protected DealMergeMove() {
    }

    DealMergeMove(String kind, long mergedId, long survivorId, long dealId, boolean survivorAdded) {
        this.kind = kind;
        this.mergedId = mergedId;
        this.survivorId = survivorId;
        this.dealId = dealId;
        this.survivorAdded = survivorAdded;
    }
}
