package io.tessera.crm.analytics.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskQuery;
import io.tessera.crm.api.tasks.TaskService;
import io.tessera.crm.support.events.BatchEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the analytics projection (ANL_DEAL, ANL_STAGE_ENTRY, ANL_TASK) current. Deal and task events only name the
 * record: the handler queues its id, and one background thread fetches the record as it is now (as
 * {@link Caller#SYSTEM}) and upserts it, so the request that caused the event is not slowed down and the order of
 * events does not matter. On activation the same thread syncs the whole projection: it pages through every deal and
 * task (live and archived) and rewrites the rows whose stored version differs from the record's version - everything
 * when the projection is empty, only what changed while the module was off otherwise.
 */
@Component(service = EventHandler.class, immediate = true, property = {
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.DEAL + "/*",
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.TASK + "/*"})
public class AnalyticsProjection implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsProjection.class);
    static final int PAGE = 500;

    private final ProjectionStore store;
    private final DealService deals;
    private final TaskService tasks;
    private final ExecutorService worker;

    @Activate
    public AnalyticsProjection(@Reference(target = "(osgi.unit.name=crm-analytics)") EntityManagerFactory emf,
                               @Reference DealService deals, @Reference TaskService tasks) {
        this(emf, deals, tasks, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "crm-analytics-projection");
            t.setDaemon(true);
            return t;
        }));
        worker.execute(this::syncAll);
    }

    /** For tests: the executor runs the updates (a direct one makes them synchronous); no start-up sync. */
    AnalyticsProjection(EntityManagerFactory emf, DealService deals, TaskService tasks, ExecutorService worker) {
        this.store = new ProjectionStore(emf);
        this.deals = deals;
        this.tasks = tasks;
        this.worker = worker;
    }

    @Deactivate
    void stop() throws InterruptedException {
        worker.shutdownNow();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Analytics projection thread did not stop within 10 s");
        }
    }

    /** A batch event ({@code deal/CREATED_BATCH}, ...) queues one update of all its records. */
    @Override
    public void handleEvent(Event event) {
        List<Long> ids = new ArrayList<>();
        for (Event single : BatchEvents.singles(event)) {
            if (single.getProperty(CrmEvents.ID) instanceof Number number) {
                ids.add(number.longValue());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        String topic = event.getTopic();
        Runnable job;
        if (topic.startsWith(CrmEvents.TOPIC_PREFIX + CrmEvents.DEAL + "/")) {
            job = () -> syncDeals(ids);
        } else if (topic.startsWith(CrmEvents.TOPIC_PREFIX + CrmEvents.TASK + "/")) {
            job = () -> syncTasks(ids);
        } else {
            return;
        }
        try {
            worker.execute(job);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Analytics projection stopping; event {} for {} skipped (next start syncs it)", topic, ids);
        }
    }

    void syncDeals(List<Long> ids) {
        sync("deal", ids, id -> deals.get(Caller.SYSTEM, id), store::upsertDeals);
    }

    void syncTasks(List<Long> ids) {
        sync("task", ids, id -> tasks.get(Caller.SYSTEM, id), store::upsertTasks);
    }

    /** Reads the records as they are now and writes them in one go; a record gone meanwhile is left out. */
    private static <T> void sync(String kind, List<Long> ids, LongFunction<T> read, Consumer<List<T>> upsert) {
        List<T> found = new ArrayList<>(ids.size());
        for (long id : ids) {
            try {
                found.add(read.apply(id));
            } catch (NotFoundException gone) {
                LOG.debug("{} {} not found; not projected", kind, id);
            } catch (RuntimeException e) {
                LOG.warn("Could not read {} {} for the projection", kind, id, e);
            }
        }
        try {
            upsert.accept(found);
        } catch (RuntimeException e) {
            LOG.warn("Could not project {} {}", kind, ids, e);
        }
    }

    /** Brings the whole projection up to date; returns the number of deals and tasks (re)written. */
    int[] syncAll() {
        int[] written = {0, 0};
        try {
            long started = System.nanoTime();
            if (store.rollupsMissing()) {
                store.rebuildRollups();
                LOG.info("Analytics roll-ups rebuilt from the projection in {} ms",
                        (System.nanoTime() - started) / 1_000_000);
            }
            for (boolean archived : new boolean[] {false, true}) {
                written[0] += syncPages(cursor -> deals.list(Caller.SYSTEM, new DealQuery(null, null, null, null,
                                null, null, null, null, archived, "createdAt", new Paging(PAGE, cursor))),
                        DealDto::id, DealDto::version, store::dealVersions, store::upsertDeals);
                written[1] += syncPages(cursor -> tasks.list(Caller.SYSTEM, new TaskQuery(null, null, null, null,
                                null, null, null, null, archived, "createdAt", new Paging(PAGE, cursor))),
                        TaskDto::id, TaskDto::version, store::taskVersions, store::upsertTasks);
            }
            LOG.info("Analytics projection synced: {} deals and {} tasks written in {} ms", written[0], written[1],
                    (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            LOG.info("Analytics projection sync interrupted (module stopping); the next start resumes it");
        } catch (RuntimeException e) {
            LOG.error("Analytics projection sync failed; figures may be incomplete until the next start", e);
        }
        return written;
    }

    private static <T> int syncPages(java.util.function.Function<String, Page<T>> fetch, ToLongFunction<T> id,
                                     ToLongFunction<T> version,
                                     java.util.function.Function<List<Long>, Map<Long, Long>> stored,
                                     Consumer<List<T>> upsert) throws InterruptedException {
        int written = 0;
        String cursor = null;
        do {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            Page<T> page = fetch.apply(cursor);
            Map<Long, Long> versions = stored.apply(page.items().stream().map(id::applyAsLong).toList());
            List<T> changed = page.items().stream()
                    .filter(item -> !Long.valueOf(version.applyAsLong(item)).equals(versions.get(id.applyAsLong(item))))
                    .toList();
            upsert.accept(changed);
            written += changed.size();
            cursor = page.nextCursor();
        } while (cursor != null);
        return written;
    }
}
