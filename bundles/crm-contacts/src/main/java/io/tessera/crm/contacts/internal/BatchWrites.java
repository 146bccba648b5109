package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.support.jpa.BatchItems;
import io.tessera.crm.support.jpa.Transactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import javax.persistence.EntityManager;

/**
 * How {@link ContactBatchServiceImpl} writes a batch of contacts or companies: one transaction for the call, an item
 * that fails fails alone (its {@link BatchResult} says why), and one batch event for what was written, posted after
 * the commit. The service says per kind of record how an item is built, changed or archived.
 */
final class BatchWrites {
    static final int FLUSH_EVERY = 1000;

    private final Transactions tx;
    private final Events events;
    private final Clock clock;

    BatchWrites(Transactions tx, Events events, Clock clock) {
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /** Builds a new entity from an input (validated: a {@link ValidationException} rejects the item). */
    interface Builder<I, E> {
        E build(EntityManager em, I input, Timestamp now);
    }

    /**
     * Validates every input, writes the valid ones {@value #FLUSH_EVERY} at a time with {@code insert} (one
     * transaction for the call), hands each to {@code stored} and posts one batch event for them after the commit.
     * {@code prepare} first reads in one go what validating them one by one would read.
     */
    <I, E> List<BatchResult> create(String entity, Caller caller, List<I> inputs,
                                    BiConsumer<EntityManager, List<I>> prepare, Builder<I, E> builder,
                                    BiConsumer<EntityManager, List<E>> insert, Consumer<E> stored,
                                    Function<E, BatchResult> ok, Function<E, Map<String, Object>> record) {
        BatchResult[] results = new BatchResult[inputs.size()];
        List<Map<String, Object>> records = new ArrayList<>();
        List<E> written = new ArrayList<>();
        if (!inputs.isEmpty()) {
            tx.write(em -> {
                Timestamp now = ContactServiceImpl.now(clock);
                prepare.accept(em, inputs);
                List<E> pending = new ArrayList<>();
                List<Integer> positions = new ArrayList<>();
                for (int i = 0; i < inputs.size(); i++) {
                    try {
                        pending.add(builder.build(em, inputs.get(i), now));
                        positions.add(i);
                    } catch (ValidationException ex) {
                        results[i] = BatchResult.failed(ex);
                    }
                    if (pending.size() >= FLUSH_EVERY || i == inputs.size() - 1) {
                        insert.accept(em, pending);
                        written.addAll(pending);
                        for (int k = 0; k < pending.size(); k++) {
                            results[positions.get(k)] = ok.apply(pending.get(k));
                            records.add(record.apply(pending.get(k)));
                        }
                        pending.clear();
                        positions.clear();
                    }
                }
                return null;
            });
        }
        written.forEach(stored);
        events.postBatch(entity, CrmEvents.CREATED, caller.username(), records);
        return Arrays.asList(results);
    }

    /** Checks and applies one update to its entity: the event record, or null when the update changes nothing. */
    interface Change<U, E> {
        Map<String, Object> apply(EntityManager em, U update, E entity, Timestamp now);
    }

    /**
     * Applies every update in one transaction ({@code prepare} first reads in one go what they will read one by one);
     * an update that fails (not found, listed twice, stale version, invalid) fails alone. Hands each changed entity
     * to {@code stored} and posts one batch event for them after the commit.
     */
    <U, E> List<BatchResult> update(String entity, Caller caller, List<U> updates, Function<U, Long> idOf,
                                    BiFunction<EntityManager, Long, E> find, ToLongFunction<E> versionOf,
                                    Consumer<EntityManager> prepare, Change<U, E> change, Consumer<E> stored) {
        BatchResult[] results = new BatchResult[updates.size()];
        List<Map<String, Object>> records = new ArrayList<>();
        List<E> changedRecords = new ArrayList<>();
        if (!updates.isEmpty()) {
            tx.write(em -> {
                Timestamp now = ContactServiceImpl.now(clock);
                prepare.accept(em);
                Set<Long> seen = new HashSet<>();
                for (int i = 0; i < updates.size(); i++) {
                    U u = updates.get(i);
                    long id = idOf.apply(u);
                    try {
                        E e = find.apply(em, id);
                        if (!seen.add(id)) {
                            throw new ConflictException(entity + " " + id + " is listed twice in one batch");
                        }
                        long version = versionOf.applyAsLong(e);
                        Map<String, Object> record = change.apply(em, u, e, now);
                        if (record == null) {
                            results[i] = BatchResult.ok(id, version);
                            continue;
                        }
                        changedRecords.add(e);
                        results[i] = BatchResult.ok(id, version + 1);
                        records.add(record);
                    } catch (CrmException ex) {
                        results[i] = BatchResult.failed(ex);
                    }
                }
                em.flush();
                BatchItems.detachFlushed(em);
                return null;
            });
        }
        changedRecords.forEach(stored);
        events.postBatch(entity, CrmEvents.UPDATED, caller.username(), records);
        return Arrays.asList(results);
    }

    /** Archives what {@code find} finds, in one transaction; one ARCHIVED batch event for those that changed. */
    <E> List<BatchResult> archive(String entity, Caller caller, List<Long> ids, Class<E> type,
                                  String[] collections, BiFunction<EntityManager, Long, E> find,
                                  Predicate<E> archive, Function<E, BatchResult> ok,
                                  Function<E, Map<String, Object>> record) {
        BatchResult[] results = new BatchResult[ids.size()];
        List<Map<String, Object>> records = new ArrayList<>();
        if (!ids.isEmpty()) {
            tx.write(em -> {
                Preloads.preload(em, type, ids, collections);
                List<E> changed = new ArrayList<>();
                Map<Integer, E> found = new LinkedHashMap<>();
                for (int i = 0; i < ids.size(); i++) {
                    try {
                        E e = find.apply(em, ids.get(i));
                        if (archive.test(e)) {
                            changed.add(e);
                        }
                        found.put(i, e);
                    } catch (CrmException ex) {
                        results[i] = BatchResult.failed(ex);
                    }
                }
                em.flush(); // versions go up now
                changed.forEach(e -> records.add(record.apply(e)));
                found.forEach((i, e) -> results[i] = ok.apply(e));
                BatchItems.detachFlushed(em);
                return null;
            });
        }
        events.postBatch(entity, CrmEvents.ARCHIVED, caller.username(), records);
        return Arrays.asList(results);
    }
}
