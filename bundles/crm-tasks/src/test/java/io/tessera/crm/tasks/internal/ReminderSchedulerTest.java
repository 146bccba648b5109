package io.tessera.crm.tasks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.tasks.TaskInput;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.persistence.EntityManager;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;

/** Runs on the real clock: reminders a few hundred milliseconds ahead, awaited with latches. */
public class ReminderSchedulerTest extends TasksFixture {
    private static final String REMINDER = CrmEvents.topic(CrmEvents.TASK, CrmEvents.REMINDER);
    private static final String ALL_TASK_TOPICS = CrmEvents.TOPIC_PREFIX + CrmEvents.TASK + "/*";

    private TaskServiceImpl live;
    private ReminderScheduler scheduler;
    /** When each task's (latest) reminder arrived. */
    private final Map<Long, Instant> arrived = new ConcurrentHashMap<>();

    @Before
    public void liveClock() {
        live = new TaskServiceImpl(emf, events, companies, contacts, deals, users, Clock.systemUTC());
        events.subscribe(REMINDER, e -> arrived.put((Long) e.getProperty(CrmEvents.ID), Instant.now()));
    }

    @After
    public void stopScheduler() {
        if (scheduler != null) {
            scheduler.deactivate();
        }
    }

    private void startScheduler(Duration rescan, boolean hearsTaskEvents) {
        scheduler = new ReminderScheduler(emf, events, Clock.systemUTC(), rescan);
        if (hearsTaskEvents) {
            events.subscribe(ALL_TASK_TOPICS, scheduler);
        }
    }

    private static Instant inMillis(long millis) {
        return Instant.now().plusMillis(millis).truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean await(CountDownLatch latch, long millis) throws InterruptedException {
        return latch.await(millis, TimeUnit.MILLISECONDS);
    }

    private Instant reminderSentAt(long id) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.find(TaskEntity.class, id).getReminderSentAt();
        } finally {
            em.close();
        }
    }

    @Test
    public void aReminderFiresAtItsTimeAndOnlyOnce() throws Exception {
        startScheduler(ReminderScheduler.RESCAN, true);
        CountDownLatch one = events.expect(REMINDER, 1);
        CountDownLatch two = events.expect(REMINDER, 2);
        Instant due = Instant.parse("2030-01-15T16:30:00Z");
        Instant remindAt = inMillis(400);
        TaskDto t = live.create(ANNA, task("Call the client").due(due).remind(remindAt).company(1L).deal(21L)
                .build());
        assertEquals(List.of(), events.of(REMINDER));

        assertTrue("no reminder within 5 s", await(one, 5000));
        assertFalse(arrived.get(t.id()).isBefore(remindAt));
        Event e = events.only(REMINDER);
        assertEquals(CrmEvents.TASK, e.getProperty(CrmEvents.ENTITY));
        assertEquals(t.id(), e.getProperty(CrmEvents.ID));
        assertEquals("anna", e.getProperty(CrmEvents.OWNER));
        assertEquals("system", e.getProperty(CrmEvents.ACTOR));
        assertEquals("Reminder: Task 'Call the client' is due 2030-01-15 16:30 UTC",
                e.getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(1L), e.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(), e.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(21L), e.getProperty(CrmEvents.DEAL_IDS));
        assertNotNull(reminderSentAt(t.id()));

        // A look after other changes finds the reminder sent.
        TaskDto current = live.get(ANNA, t.id());
        live.update(ANNA, t.id(), current.version(), inputOf(current).title("Call the client again").build());
        scheduler.lookSoon();
        assertFalse("the reminder came twice", await(two, 800));
        assertEquals(1, events.of(REMINDER).size());
        // Marking it sent is not an edit: the version did not move.
        assertEquals(current.version() + 1, live.get(ANNA, t.id()).version());
    }

    @Test
    public void changingRemindAtMakesTheReminderPendingAgain() throws Exception {
        startScheduler(ReminderScheduler.RESCAN, true);
        CountDownLatch one = events.expect(REMINDER, 1);
        TaskDto t = live.create(ANNA, task("Twice").remind(inMillis(200)).build());
        assertTrue(await(one, 5000));
        Instant firstSent = reminderSentAt(t.id());
        assertNotNull(firstSent);

        CountDownLatch another = events.expect(REMINDER, 1);
        TaskDto current = live.get(ANNA, t.id());
        Instant again = inMillis(300);
        live.update(ANNA, t.id(), current.version(), inputOf(current).remind(again).build());
        assertTrue(await(another, 5000));
        assertEquals(2, events.of(REMINDER).size());
        assertFalse(arrived.get(t.id()).isBefore(again));
    }

    @Test
    public void onlyEventsBringingAReminderBeforeTheNextWakeUpMakeItLook() throws Exception {
        startScheduler(ReminderScheduler.RESCAN, true);
        for (int i = 0; i < 100 && (scheduler.nextWakeUp() == null); i++) {
            await(new CountDownLatch(1), 50); // the look at activation
        }
        assertNotNull(scheduler.nextWakeUp());
        for (int i = 0; i < 20; i++) {
            live.create(ANNA, task("Imported " + i).due(Instant.parse("2030-01-15T16:30:00Z")).build());
        }
        live.create(ANNA, task("Next month").remind(Instant.now().plus(30, ChronoUnit.DAYS)).build());
        assertEquals("tasks without a reminder before the wake-up", 0, scheduler.looksAskedByEvents());

        CountDownLatch one = events.expect(REMINDER, 1);
        TaskDto soon = live.create(ANNA, task("Soon").remind(inMillis(200)).build());
        assertEquals(1, scheduler.looksAskedByEvents());
        assertTrue(await(one, 5000));
        assertEquals(soon.id(), events.only(REMINDER).getProperty(CrmEvents.ID));
    }

    @Test
    public void aBatchOfTasksMakesItLookOnceWhenOneOfThemBringsAnEarlierReminder() throws Exception {
        startScheduler(ReminderScheduler.RESCAN, true);
        for (int i = 0; i < 100 && (scheduler.nextWakeUp() == null); i++) {
            await(new CountDownLatch(1), 50); // the look at activation
        }
        List<TaskInput> imported = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            imported.add(task("Imported " + i).due(Instant.parse("2030-01-15T16:30:00Z")).build());
        }
        live.createAll(ANNA, imported);
        assertEquals("tasks without a reminder", 0, scheduler.looksAskedByEvents());

        CountDownLatch one = events.expect(REMINDER, 1);
        List<BatchResult> created = live.createAll(ANNA, List.of(task("Later").build(),
                task("Soon").remind(inMillis(200)).build()));
        assertEquals(1, scheduler.looksAskedByEvents());
        assertTrue(await(one, 5000));
        assertEquals(created.get(1).id(), events.only(REMINDER).getProperty(CrmEvents.ID));
    }

    @Test
    public void movingAReminderEarlierReschedulesTheWakeUp() throws Exception {
        startScheduler(ReminderScheduler.RESCAN, true);
        TaskDto t = live.create(ANNA, task("Later").remind(inMillis(3_600_000)).build());
        CountDownLatch one = events.expect(REMINDER, 1);
        assertFalse(await(one, 300));
        TaskDto current = live.get(ANNA, t.id());
        live.update(ANNA, t.id(), current.version(), inputOf(current).remind(inMillis(200)).build());
        assertTrue("the earlier time was not picked up", await(one, 5000));
        assertEquals(t.id(), events.only(REMINDER).getProperty(CrmEvents.ID));
    }

    @Test
    public void remindersThatCameDueWhileDownFireAtStart() throws Exception {
        Instant past = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        TaskDto missed = live.create(ANNA, task("Missed").remind(past).build());
        TaskDto done = live.create(ANNA, task("Done").remind(past).status(TaskStatus.DONE).build());
        TaskDto archived = live.archive(ANNA, live.create(ANNA, task("Archived").remind(past).build()).id());
        live.create(ANNA, task("No reminder").build());
        live.create(ANNA, task("Future").remind(inMillis(3_600_000)).build());

        CountDownLatch one = events.expect(REMINDER, 1);
        CountDownLatch two = events.expect(REMINDER, 2);
        startScheduler(ReminderScheduler.RESCAN, true);
        assertTrue(await(one, 5000));
        assertFalse(await(two, 500));
        assertEquals(missed.id(), events.only(REMINDER).getProperty(CrmEvents.ID));
        assertEquals("Reminder: Task 'Missed'", events.only(REMINDER).getProperty(CrmEvents.SUMMARY));
        assertNull(reminderSentAt(done.id()));
        assertNull(reminderSentAt(archived.id()));

        // Reopening the finished task makes its (past) reminder due: it goes out at once.
        TaskDto reopened = live.reopen(ANNA, done.id(), done.version());
        assertEquals(TaskStatus.OPEN, reopened.status());
        assertTrue(await(two, 5000));
        assertEquals(done.id(), events.of(REMINDER).get(1).getProperty(CrmEvents.ID));
    }

    @Test
    public void theSafetyRescanFindsRemindersWithoutEvents() throws Exception {
        // The scheduler does not hear task events here: only its periodic look finds the reminder.
        startScheduler(Duration.ofMillis(150), false);
        CountDownLatch one = events.expect(REMINDER, 1);
        TaskDto t = live.create(ANNA, task("Quiet").remind(inMillis(100)).build());
        assertTrue(await(one, 5000));
        assertEquals(t.id(), events.only(REMINDER).getProperty(CrmEvents.ID));
    }

    @Test
    public void nothingFiresAfterDeactivation() throws Exception {
        startScheduler(ReminderScheduler.RESCAN, true);
        scheduler.deactivate();
        CountDownLatch one = events.expect(REMINDER, 1);
        live.create(ANNA, task("Too late").remind(inMillis(100)).build());
        scheduler.lookSoon();
        assertFalse(await(one, 600));
        assertEquals(List.of(), events.of(REMINDER));
    }
}
