package io.tessera.crm.contacts.internal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/**
 * A value a merge gave the survivor (see {@link MergeAdditions}): the field, the value as text, and what the survivor
 * held there before (null but for a custom field stored as empty).
 */
@Embeddable
public class MergeAdditionEmbeddable {
    @Column(name = "FIELD", length = 100, nullable = false)
    String field;
    @Column(name = "ADDED_VALUE", length = 10000, nullable = false)
    String value;
    @Column(name = "PREVIOUS_VALUE", length = 10000)
    String previous;

    protected MergeAdditionEmbeddable() {
    }

    MergeAdditionEmbeddable(String field, String value, String previous) {
        this.field = field;
        this.value = value;
        this.previous = previous;
    }
}
