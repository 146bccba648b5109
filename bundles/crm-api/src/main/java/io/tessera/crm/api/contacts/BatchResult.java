package io.tessera.crm.api.contacts;

import io.tessera.crm.api.CrmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The outcome of one item of a batch call ({@link ContactBatchService},
 * {@link io.tessera.crm.api.deals.DealService#createAll}, {@link io.tessera.crm.api.tasks.TaskService#createAll}):
 * the record's id and its version after the call, or the error the single-record method would have thrown for it (a
 * {@link io.tessera.crm.api.ValidationException} with every field error, a
 * {@link io.tessera.crm.api.NotFoundException}, {@link io.tessera.crm.api.StaleVersionException} or
 * {@link io.tessera.crm.api.ConflictException}); exactly one of {@code id} and {@code error} is set.
 */
public record BatchResult(Long id, long version, CrmException error) {
    public static BatchResult ok(long id, long version) {
        return new BatchResult(id, version, null);
    }

    public static BatchResult failed(CrmException error) {
        return new BatchResult(null, 0, error);
    }

    /**
     * The items written one at a time by a single-record method ({@code write} returns the item's result): what a
     * batch method does where no implementation writes them together. An item's {@link CrmException} becomes its
     * error; the other items are still written.
     */
    public static <I> List<BatchResult> oneByOne(List<I> items, Function<I, BatchResult> write) {
        List<BatchResult> results = new ArrayList<>(items.size());
        for (I item : items) {
            try {
                results.add(write.apply(item));
            } catch (CrmException e) {
                results.add(failed(e));
            }
        }
        return results;
    }

    /** True when the item was written (or, for an update, needed no change). */
    public boolean ok() {
        return error == null;
    }
}
