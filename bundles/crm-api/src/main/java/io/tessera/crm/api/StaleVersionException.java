package io.tessera.crm.api;

/** The caller edited an older version of the record than the one stored (optimistic locking). */
public class StaleVersionException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final long currentVersion;

    public StaleVersionException(String entity, Object id, long expected, long current) {
        super(entity + " " + id + " is at version " + current + ", not " + expected + "; reload it and try again");
        this.currentVersion = current;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
