package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.contacts.MergeConflict;
import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A value the survivor of a merge did not take (see {@link MergeConflict}). */
@Embeddable
public class MergeConflictEmbeddable {
    @Column(name = "FIELD", length = 100, nullable = false)
    private String field;
    @Column(name = "SURVIVOR_VALUE", length = 10000)
    private String survivorValue;
    @Column(name = "MERGED_VALUE", length = 10000)
    private String mergedValue;

    protected MergeConflictEmbeddable() {
    }

    MergeConflictEmbeddable(MergeConflict c) {
        this.field = c.field();
        this.survivorValue = c.survivorValue();
        this.mergedValue = c.mergedValue();
    }

    MergeConflict toConflict() {
        return new MergeConflict(field, survivorValue, mergedValue);
    }
}
