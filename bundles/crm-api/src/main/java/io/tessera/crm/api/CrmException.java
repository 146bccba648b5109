package io.tessera.crm.api;

/** Base of the errors the services report to their callers; each maps to one HTTP status in REST. */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CrmException(String message) {
        super(message);
    }

    protected CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
