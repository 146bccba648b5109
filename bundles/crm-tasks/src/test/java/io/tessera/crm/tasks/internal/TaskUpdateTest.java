package io.tessera.crm.tasks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.tasks.Priority;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskStatus;
import java.time.Duration;
import java.util.List;
import org.junit.Test;
import org.osgi.service.event.Event;

/** Updating a task: its fields, its version, its assignee and status, and what is announced. */
public class TaskUpdateTest extends TasksFixture {
    @Test
    public void updateReplacesTheFieldsAndBumpsTheVersion() {
        TaskDto t = tasks.create(ANNA, task("Call").due(TOMORROW_10).build());
        events.clear();
        clock.advance(Duration.ofMinutes(5));
        TaskDto u = tasks.update(ANNA, t.id(), t.version(), task("Call back").description("About the offer")
                .due(TOMORROW_10.plusSeconds(3600)).priority(Priority.HIGH).status(TaskStatus.IN_PROGRESS)
                .company(1L).contact(12L).deal(21L).build());
        assertEquals(t.version() + 1, u.version());
        assertEquals("Call back", u.title());
        assertEquals("About the offer", u.description());
        assertEquals(Priority.HIGH, u.priority());
        assertEquals(TaskStatus.IN_PROGRESS, u.status());
        assertEquals(Long.valueOf(12), u.contactId());
        assertEquals(NOW, u.createdAt());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), u.updatedAt());
        assertEquals(u, tasks.get(ANNA, t.id()));
        Event e = events.only(topic(CrmEvents.UPDATED));
        assertEquals("Task 'Call back' changed", e.getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(1L), e.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(12L), e.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(21L), e.getProperty(CrmEvents.DEAL_IDS));

        // Null priority means NORMAL, null status keeps the status.
        TaskDto v = tasks.update(ANNA, t.id(), u.version(), inputOf(u).priority(null).status(null).build());
        assertEquals(Priority.NORMAL, v.priority());
        assertEquals(TaskStatus.IN_PROGRESS, v.status());
    }

    @Test
    public void updateWithoutChangesKeepsTheVersionAndSaysNothing() {
        TaskDto t = tasks.create(ANNA, task("Same").due(TOMORROW_10).company(1L).build());
        events.clear();
        TaskDto same = tasks.update(ANNA, t.id(), t.version(), inputOf(t).title(" Same ").build());
        assertEquals(t, same);
        assertEquals(List.of(), events.events);
    }

    @Test
    public void staleVersionIsRefused() {
        TaskDto t = tasks.create(ANNA, task("V").build());
        TaskDto u = tasks.update(ANNA, t.id(), t.version(), task("V2").build());
        StaleVersionException e = assertThrows(StaleVersionException.class,
                () -> tasks.update(ANNA, t.id(), t.version(), task("V3").build()));
        assertEquals(u.version(), e.currentVersion());
        assertThrows(StaleVersionException.class, () -> tasks.complete(ANNA, t.id(), t.version()));
        TaskDto done = tasks.complete(ANNA, t.id(), u.version());
        assertThrows(StaleVersionException.class, () -> tasks.reopen(ANNA, t.id(), u.version()));
        assertEquals("V2", tasks.get(ANNA, t.id()).title());
        assertEquals(TaskStatus.DONE, tasks.get(ANNA, t.id()).status());
        assertEquals(done.version(), tasks.get(ANNA, t.id()).version());
    }

    @Test
    public void reassigningThroughUpdateAnnouncesIt() {
        TaskDto t = tasks.create(MANAGER, task("Hand over").assignee("anna").build());
        events.clear();
        TaskDto u = tasks.update(MANAGER, t.id(), t.version(), inputOf(t).assignee("ben").build());
        assertEquals("ben", u.assignee());
        assertEquals(List.of(topic(CrmEvents.REASSIGNED)), events.topics());
        Event e = events.only(topic(CrmEvents.REASSIGNED));
        assertEquals("ben", e.getProperty(CrmEvents.OWNER));
        assertEquals("Task 'Hand over' reassigned from anna to ben", e.getProperty(CrmEvents.SUMMARY));
        assertThrows(NotFoundException.class, () -> tasks.get(ANNA, t.id()));
        assertEquals(u, tasks.get(BEN, t.id()));
        // An unknown user is refused on update too.
        assertFields(() -> tasks.update(MANAGER, t.id(), u.version(), inputOf(u).assignee("ghost").build()),
                "assignee");
    }

    @Test
    public void statusDoneThroughUpdateCompletesAndBackReopens() {
        TaskDto t = tasks.create(ANNA, task("Status").build());
        events.clear();
        clock.advance(Duration.ofHours(1));
        TaskDto done = tasks.update(ANNA, t.id(), t.version(), inputOf(t).status(TaskStatus.DONE).build());
        assertEquals(TaskStatus.DONE, done.status());
        assertEquals(NOW.plus(Duration.ofHours(1)), done.completedAt());
        assertEquals(List.of(topic(CrmEvents.COMPLETED)), events.topics());
        assertEquals("Task 'Status' completed", events.last().getProperty(CrmEvents.SUMMARY));

        events.clear();
        TaskDto open = tasks.update(ANNA, t.id(), done.version(), inputOf(done).status(TaskStatus.IN_PROGRESS)
                .build());
        assertEquals(TaskStatus.IN_PROGRESS, open.status());
        assertNull(open.completedAt());
        assertEquals(List.of(topic(CrmEvents.REOPENED)), events.topics());

        // A title change and completion together: UPDATED then COMPLETED.
        events.clear();
        tasks.update(ANNA, t.id(), open.version(), inputOf(open).title("Status 2").status(TaskStatus.DONE).build());
        assertEquals(List.of(topic(CrmEvents.UPDATED), topic(CrmEvents.COMPLETED)), events.topics());
    }

    @Test
    public void completeAndReopen() {
        TaskDto t = tasks.create(ANNA, task("Finish").due(NOW.minusSeconds(1)).company(1L).build());
        assertTrue(t.overdue());
        events.clear();
        clock.advance(Duration.ofMinutes(30));
        TaskDto done = tasks.complete(ANNA, t.id(), t.version());
        assertEquals(TaskStatus.DONE, done.status());
        assertEquals(NOW.plus(Duration.ofMinutes(30)), done.completedAt());
        assertEquals(t.version() + 1, done.version());
        assertFalse(done.overdue());
        Event e = events.only(topic(CrmEvents.COMPLETED));
        assertEquals("Task 'Finish' completed", e.getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(1L), e.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals("anna", e.getProperty(CrmEvents.OWNER));

        // Completing again changes nothing.
        events.clear();
        assertEquals(done, tasks.complete(ANNA, t.id(), done.version()));
        assertEquals(List.of(), events.events);

        TaskDto open = tasks.reopen(ANNA, t.id(), done.version());
        assertEquals(TaskStatus.OPEN, open.status());
        assertNull(open.completedAt());
        assertTrue(open.overdue());
        assertEquals("Task 'Finish' reopened", events.only(topic(CrmEvents.REOPENED)).getProperty(CrmEvents.SUMMARY));
        // Reopening an open task changes nothing.
        events.clear();
        assertEquals(open, tasks.reopen(ANNA, t.id(), open.version()));
        assertEquals(List.of(), events.events);
    }

    @Test
    public void archivedTasksCannotBeChanged() {
        TaskDto t = tasks.create(ANNA, task("Gone").build());
        TaskDto archived = tasks.archive(ANNA, t.id());
        assertThrows(ConflictException.class, () -> tasks.update(ANNA, t.id(), archived.version(),
                task("Back").build()));
        assertThrows(ConflictException.class, () -> tasks.complete(ANNA, t.id(), archived.version()));
        assertThrows(ConflictException.class, () -> tasks.reopen(ANNA, t.id(), archived.version()));
    }

    @Test
    public void aFailedUpdateChangesNothing() {
        TaskDto t = tasks.create(ANNA, task("Keep").due(TOMORROW_10).company(1L).build());
        events.clear();
        assertFields(() -> tasks.update(ANNA, t.id(), t.version(), inputOf(t).title("Changed")
                .remind(TOMORROW_10.plusSeconds(60)).contact(13L).build()), "remindAt", "contactId");
        assertEquals(t, tasks.get(ANNA, t.id()));
        assertEquals(List.of(), events.events);
    }
}
