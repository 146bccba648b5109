package io.tessera.crm.api;

/** The caller is known but lacks the role for this act. */
public class AccessDeniedException extends CrmException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
