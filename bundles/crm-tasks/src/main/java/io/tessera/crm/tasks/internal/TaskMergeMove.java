package io.tessera.crm.tasks.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * A task a merge moved from the merged contact or company to the survivor (table TASK_MERGE_MOVE): restoring the
 * merged record moves it back if it is still on the survivor.
 */
@Entity
@Table(name = "TASK_MERGE_MOVE", indexes = @Index(name = "TASK_MERGE_MOVE_IX", columnList = "MERGED_ID, SURVIVOR_ID"))
public class TaskMergeMove {
    @Id
    @TableGenerator(name = "TASK_MOVE_GEN", table = "TASK_IDS", pkColumnName = "GEN_KEY",
            valueColumnName = "GEN_VALUE", pkColumnValue = "merge-move", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "TASK_MOVE_GEN")
    Long id;
    /** {@code contactId} or {@code companyId}: the task field the merge changed. */
    @Column(name = "FIELD", nullable = false, length = 20)
    String field;
    @Column(name = "MERGED_ID", nullable = false)
    long mergedId;
    @Column(name = "SURVIVOR_ID", nullable = false)
    long survivorId;
    @Column(name = "TASK_ID", nullable = false)
    long taskId;

    protected TaskMergeMove() {
    }

    TaskMergeMove(String field, long mergedId, long survivorId, long taskId) {
        this.field = field;
        this.mergedId = mergedId;
        this.survivorId = survivorId;
        this.taskId = taskId;
    }
}
