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
 * A note a merge moved from the merged contact or company to the survivor (table TL_NOTE_MERGE_MOVE): restoring the
 * merged record moves it back if it is still about the survivor.
 */
@Entity
@Table(name = "TL_NOTE_MERGE_MOVE", indexes = @Index(name = "TL_NOTE_MERGE_MOVE_IX",
        columnList = "MERGED_ID, SURVIVOR_ID"))
public class NoteMergeMove extends MergeStep {
    @Id
    @TableGenerator(name = "tl_note_move_ids", table = "TL_IDS", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_VALUE", pkColumnValue = "TL_NOTE_MERGE_MOVE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "tl_note_move_ids")
    Long id;
    @Column(name = "NOTE_ID", nullable = false)
    long noteId;

    protected NoteMergeMove() {
    }

    NoteMergeMove(String field, long mergedId, long survivorId, long noteId) {
        super(field, mergedId, survivorId);
        this.noteId = noteId;
    }
}
