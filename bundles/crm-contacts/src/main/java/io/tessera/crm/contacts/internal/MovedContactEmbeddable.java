package io.tessera.crm.contacts.internal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A contact a company merge re-linked from the merged company to the survivor; restoring the company links it back. */
@Embeddable
public class MovedContactEmbeddable {
    @Column(name = "CONTACT_ID", nullable = false)
    long contactId;
    /** The merge linked the survivor (the contact was not linked to it before). */
    @Column(name = "SURVIVOR_ADDED", nullable = false)
    boolean survivorAdded;

    protected MovedContactEmbeddable() {
    }

    MovedContactEmbeddable(long contactId, boolean survivorAdded) {
        this.contactId = contactId;
        this.survivorAdded = survivorAdded;
    }
}
