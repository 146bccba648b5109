package io.tessera.crm.api;

/** The request clashes with the current state (for example a duplicate name or a record in the wrong state). */
public class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
