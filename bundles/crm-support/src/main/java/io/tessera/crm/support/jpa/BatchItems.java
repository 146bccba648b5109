package io.tessera.crm.support.jpa;

import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.contacts.BatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.persistence.EntityManager;

/**
 * The shape of a batch call (such as {@code DealService.createAll} or {@code archiveAll}) inside its one transaction:
 * each item checked and written, an item's {@link CrmException} kept as its result, one flush for all, then each
 * written item's result (with its version, known only after the flush); then the records are detached
 * ({@link #detachFlushed}).
 */
public final class BatchItems {
    private BatchItems() {
    }

    /**
     * @param write   checks one input and persists or changes its record without flushing; throws the
     *                {@link CrmException} the single-record method would throw
     * @param written after the flush: the result of a written item (and whatever the caller does with it, such as
     *                queueing its events)
     * @return one result per input, in input order
     */
    public static <I, P> List<BatchResult> writeEach(EntityManager em, List<I> inputs, Function<I, P> write,
                                                     Function<P, BatchResult> written) {
        List<P> persisted = new ArrayList<>(inputs.size());
        List<CrmException> refused = new ArrayList<>(inputs.size());
        for (I input : inputs) {
            try {
                persisted.add(write.apply(input));
                refused.add(null);
            } catch (CrmException e) {
                persisted.add(null);
                refused.add(e);
            }
        }
        em.flush();
        List<BatchResult> results = new ArrayList<>(inputs.size());
        for (int i = 0; i < persisted.size(); i++) {
            P item = persisted.get(i);
            results.add(item == null ? BatchResult.failed(refused.get(i)) : written.apply(item));
        }
        detachFlushed(em);
        return results;
    }

    /**
     * Ends a batch's use of its entity manager once everything is flushed: the records it loaded or wrote are
     * detached, so the transaction's commit has nothing left to compare. EclipseLink would otherwise compute every
     * record's changes a second time at the commit and copy each record into its shared cache (a tenth of a batch
     * update's time on the import thread). The persistence unit must say
     * {@code eclipselink.flush-clear.cache=DropInvalidate}: the commit then marks the shared cache's copies of the
     * changed classes stale, so that the next read of one goes to the database. Nothing may use the entity
     * manager's records after this call.
     */
    public static void detachFlushed(EntityManager em) {
        em.clear();
    }
}
