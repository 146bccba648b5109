package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.support.events.BatchEvents;
import io.tessera.crm.support.jpa.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code tessera/crm/task/REMINDER} when a task's {@code remindAt} has come.
 *
 * <p>One thread of its own keeps exactly one scheduled wake-up: at the earliest pending reminder (of a live task that
 * is not DONE and whose reminder for the current {@code remindAt} was not sent yet), but no later than
 * {@link #RESCAN} from now as a safety net. A task event that brings a pending reminder earlier than that wake-up
 * ({@link TaskEvents#PENDING_REMINDER}), or that comes while it looks, makes it look again, so a new or moved reminder
 * is picked up at once; a burst of events causes one look. Events of tasks without a pending reminder (an import of
 * thousands of tasks) cause none: a reminder taken away or moved later only makes a wake-up find nothing due. On a
 * wake-up each due reminder is marked sent by a conditional UPDATE and announced only when that UPDATE won, so a
 * reminder goes out once, also with several nodes on one database. At activation it looks at once: reminders that
 * came due while the server was down go out at start.
 */
@Component(service = EventHandler.class, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.TASK + "/*")
public class ReminderScheduler implements EventHandler {
    static final Duration RESCAN = Duration.ofMinutes(5);
    static final Duration RETRY = Duration.ofSeconds(30);
    private static final int BATCH = 200;
    private static final String ACTOR = "system";
    private static final String PENDING = "t.remindAt IS NOT NULL AND t.reminderSentAt IS NULL"
            + " AND t.archived = false AND t.status <> :done";
    private static final Logger LOG = LoggerFactory.getLogger(ReminderScheduler.class);

    private final Transactions tx;
    private final EventAdmin events;
    private final Clock clock;
    private final Duration rescan;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicBoolean lookQueued = new AtomicBoolean();
    /** Whether a look is under way: read by event threads, as {@link #nextAt}. */
    private volatile boolean looking;
    private final AtomicInteger looksAskedByEvents = new AtomicInteger();

    // Only written on the executor's thread.
    private ScheduledFuture<?> next;
    /** The next wake-up; null while none is scheduled. */
    private volatile Instant nextAt;

    @Activate
    public ReminderScheduler(@Reference(target = "(osgi.unit.name=crm-tasks)") EntityManagerFactory emf,
                             @Reference EventAdmin events) {
        this(emf, events, Clock.systemUTC(), RESCAN);
    }

    ReminderScheduler(EntityManagerFactory emf, EventAdmin events, Clock clock, Duration rescan) {
        this.tx = new Transactions(emf);
        this.events = events;
        this.clock = clock;
        this.rescan = rescan;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "tessera-task-reminders");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        lookSoon();
    }

    /** Stops the thread: a look under way may finish (a few seconds at most), nothing new starts. */
    @Deactivate
    public void deactivate() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getTopic().endsWith("/" + CrmEvents.REMINDER)) {
            return;
        }
        // "looking" first: a look that begins after it was read sees this event's task in the database
        boolean lookUnderWay = looking;
        Instant wakeUp = nextAt;
        if (lookUnderWay || bringsAReminderBefore(event, wakeUp)) {
            looksAskedByEvents.incrementAndGet();
            lookSoon();
        }
    }

    /** Whether the event (or one record of a batch event) has a pending reminder before {@code wakeUp} (or any). */
    private static boolean bringsAReminderBefore(Event event, Instant wakeUp) {
        for (Event single : BatchEvents.singles(event)) {
            if (single.getProperty(TaskEvents.PENDING_REMINDER) instanceof Instant remindAt
                    && (wakeUp == null || remindAt.isBefore(wakeUp))) {
                return true;
            }
        }
        return false;
    }

    /** How many task events have made it look (for tests). */
    int looksAskedByEvents() {
        return looksAskedByEvents.get();
    }

    /** The next wake-up, null while none is scheduled (for tests). */
    Instant nextWakeUp() {
        return nextAt;
    }

    /** Queues one look on the scheduler's thread unless one is queued already. */
    void lookSoon() {
        if (lookQueued.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    lookQueued.set(false);
                    look();
                });
            } catch (RejectedExecutionException e) {
                lookQueued.set(false); // deactivated
            }
        }
    }

    /** The scheduled wake-up: it is no longer pending, then it looks. */
    private void wakeUp() {
        next = null;
        nextAt = null;
        look();
    }

    /** Sends the reminders that are due, then schedules the next wake-up. */
    private void look() {
        looking = true;
        try {
            sendDue();
            Instant now = clock.instant();
            Instant wake = now.plus(rescan);
            Instant earliest = earliestPending();
            if (earliest != null && earliest.isBefore(wake)) {
                wake = earliest;
            }
            schedule(wake, now);
        } catch (RuntimeException e) {
            if (executor.isShutdown()) {
                return;
            }
            LOG.warn("Sending task reminders failed; trying again in {}", RETRY, e);
            Instant now = clock.instant();
            schedule(now.plus(RETRY), now);
        } finally {
            looking = false;
        }
    }

    private void schedule(Instant at, Instant now) {
        if (next != null && !next.isDone()) {
            if (at.equals(nextAt)) {
                return;
            }
            next.cancel(false);
        }
        long delay = Duration.between(now, at).toMillis();
        // +1: the delay is cut to whole milliseconds, and waking before remindAt would only look again.
        delay = delay <= 0 ? 0 : delay + 1;
        try {
            nextAt = at;
            next = executor.schedule(this::wakeUp, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            next = null; // deactivated
        }
    }

    private Instant earliestPending() {
        return tx.read(em -> TasksData.instant(em.createQuery("SELECT MIN(t.remindAt) FROM TaskEntity t WHERE "
                + PENDING).setParameter("done", TaskStatus.DONE).getSingleResult()));
    }

    private void sendDue() {
        while (!executor.isShutdown()) {
            Instant now = TasksData.now(clock);
            List<TaskEntity> due = tx.read(em -> em.createQuery("SELECT t FROM TaskEntity t WHERE " + PENDING
                            + " AND t.remindAt <= :now ORDER BY t.remindAt, t.id", TaskEntity.class)
                    .setParameter("done", TaskStatus.DONE).setParameter("now", now)
                    .setMaxResults(BATCH).getResultList());
            for (TaskEntity t : due) {
                if (markSent(t, now)) {
                    events.sendEvent(TaskEvents.event(CrmEvents.REMINDER, ACTOR, t, summary(t)));
                }
            }
            if (due.size() < BATCH) {
                return;
            }
        }
    }

    /** True when this call marked the reminder sent (nobody changed the task or sent it in between). */
    private boolean markSent(TaskEntity t, Instant now) {
        return tx.write(em -> em.createQuery("UPDATE TaskEntity t SET t.reminderSentAt = :now WHERE t.id = :id"
                        + " AND t.remindAt = :remindAt AND " + PENDING)
                .setParameter("now", now).setParameter("id", t.getId()).setParameter("remindAt", t.getRemindAt())
                .setParameter("done", TaskStatus.DONE).executeUpdate() == 1);
    }

    static String summary(TaskEntity t) {
        return "Reminder: " + TaskEvents.name(t)
                + (t.getDueAt() == null ? "" : " is due " + TaskEvents.format(t.getDueAt()));
    }
}
