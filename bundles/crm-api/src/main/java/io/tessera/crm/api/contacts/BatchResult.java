package io.tessera.crm.api.contacts;

import io.tessera.crm.api.CrmException;

/**
 * The outcome of one item of a {@link ContactBatchService} call: the record's id and its version after the call, or
 * the error the single-record method would have thrown for it (a {@link io.tessera.crm.api.ValidationException} with
 * every field error, a {@link io.tessera.crm.api.NotFoundException}, {@link io.tessera.crm.api.StaleVersionException}
 * or {@link io.tessera.crm.api.ConflictException}); exactly one of {@code id} and {@code error} is set.
 */
public record BatchResult(Long id, long version, CrmException error) {
    public static BatchResult ok(long id, long version) {
        return new BatchResult(id, version, null);
    }

    public static BatchResult failed(CrmException error) {
        return new BatchResult(null, 0, error);
    }

    /** True when the item was written (or, for an update, needed no change). */
    public boolean ok() {
        return error == null;
    }
}
