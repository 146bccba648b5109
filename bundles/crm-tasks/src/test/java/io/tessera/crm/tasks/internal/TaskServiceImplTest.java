package io.tessera.crm.tasks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.tasks.Priority;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;
import org.osgi.service.event.Event;

public class TaskServiceImplTest extends TasksFixture {
    private static String repeat(int n) {
        return "x".repeat(n);
    }

    // ------------------------------------------------------------------------------------------------- create

    @Test
    public void createFillsTheDefaultsAndAnnouncesTheTask() {
        TaskDto t = tasks.create(ANNA, task("  Visit the client ").description(" Bring samples ").due(TOMORROW_10)
                .build());
        assertTrue(t.id() > 0);
        assertEquals(1, t.version());
        assertEquals("Visit the client", t.title());
        assertEquals("Bring samples", t.description());
        assertEquals(TOMORROW_10, t.dueAt());
        assertNull(t.remindAt());
        assertEquals("anna", t.assignee());
        assertEquals(Priority.NORMAL, t.priority());
        assertEquals(TaskStatus.OPEN, t.status());
        assertNull(t.parentId());
        assertEquals(List.of(), t.subtaskIds());
        assertNull(t.companyId());
        assertNull(t.contactId());
        assertNull(t.dealId());
        assertFalse(t.overdue());
        assertNull(t.completedAt());
        assertEquals("anna", t.createdBy());
        assertFalse(t.archived());
        assertEquals(NOW, t.createdAt());
        assertEquals(NOW, t.updatedAt());
        assertEquals(t, tasks.get(ANNA, t.id()));

        Event e = events.only(topic(CrmEvents.CREATED));
        assertEquals(CrmEvents.TASK, e.getProperty(CrmEvents.ENTITY));
        assertEquals(t.id(), e.getProperty(CrmEvents.ID));
        assertEquals("anna", e.getProperty(CrmEvents.ACTOR));
        assertEquals("anna", e.getProperty(CrmEvents.OWNER));
        assertEquals("Task 'Visit the client' created for anna, due 2026-11-24 10:00 UTC",
                e.getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(), e.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(), e.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(), e.getProperty(CrmEvents.DEAL_IDS));
    }

    @Test
    public void createWithEverythingSet() {
        Instant remind = TOMORROW_10.minus(Duration.ofHours(1));
        TaskDto t = tasks.create(MANAGER, task("Call").due(TOMORROW_10).remind(remind).assignee("anna")
                .priority(Priority.URGENT).status(TaskStatus.IN_PROGRESS).company(1L).contact(11L).deal(21L)
                .build());
        assertEquals("anna", t.assignee());
        assertEquals("manager", t.createdBy());
        assertEquals(remind, t.remindAt());
        assertEquals(Priority.URGENT, t.priority());
        assertEquals(TaskStatus.IN_PROGRESS, t.status());
        assertEquals(Long.valueOf(1), t.companyId());
        assertEquals(Long.valueOf(11), t.contactId());
        assertEquals(Long.valueOf(21), t.dealId());
        Event e = events.only(topic(CrmEvents.CREATED));
        assertEquals("manager", e.getProperty(CrmEvents.ACTOR));
        assertEquals("anna", e.getProperty(CrmEvents.OWNER));
        assertEquals(List.of(1L), e.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(11L), e.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(21L), e.getProperty(CrmEvents.DEAL_IDS));
        // Anna sees the task the manager gave her.
        assertEquals(t, tasks.get(ANNA, t.id()));
    }

    @Test
    public void createWithoutDueTimeHasAShorterSummary() {
        tasks.create(ANNA, task("Think").build());
        assertEquals("Task 'Think' created for anna", events.only(topic(CrmEvents.CREATED))
                .getProperty(CrmEvents.SUMMARY));
    }

    @Test
    public void createDoneSetsCompletedAt() {
        TaskDto t = tasks.create(ANNA, task("Done already").status(TaskStatus.DONE).due(NOW.minusSeconds(60))
                .build());
        assertEquals(TaskStatus.DONE, t.status());
        assertEquals(NOW, t.completedAt());
        assertFalse(t.overdue());
    }

    @Test
    public void validationNamesEveryFieldAndWritesNothing() {
        assertFields(() -> tasks.create(ANNA, task(null).build()), "title");
        assertFields(() -> tasks.create(ANNA, task("   ").build()), "title");
        assertFields(() -> tasks.create(ANNA, null), "body");
        assertFields(() -> tasks.create(MANAGER, task(repeat(201)).description(repeat(10001))
                        .due(TOMORROW_10).remind(TOMORROW_10.plusSeconds(1)).assignee("nobody").parent(999L)
                        .company(99L).contact(99L).deal(99L).build()),
                "title", "description", "remindAt", "assignee", "parentId", "companyId", "contactId", "dealId");
        assertFields(() -> tasks.create(ANNA, task("Old").due(Instant.parse("1899-12-31T23:59:59Z"))
                .remind(Instant.parse("1800-01-01T00:00:00Z")).build()), "dueAt", "remindAt");
        assertFields(() -> tasks.create(ANNA, task("Far").due(Instant.parse("+10000-01-01T00:00:00Z")).build()),
                "dueAt");
        // Archived links.
        assertEquals("the company is archived", messageOf(() -> tasks.create(ANNA, task("A").company(3L).build())));
        assertEquals("the contact is archived", messageOf(() -> tasks.create(ANNA, task("A").contact(14L).build())));
        assertEquals("the deal is archived", messageOf(() -> tasks.create(ANNA, task("A").deal(23L).build())));
        assertEquals("no such company", messageOf(() -> tasks.create(ANNA, task("A").company(99L).build())));
        assertEquals("no such user", messageOf(() -> tasks.create(ADMIN, task("A").assignee("nobody").build())));
        assertEquals("must not be after dueAt", messageOf(() -> tasks.create(ANNA, task("A").due(TOMORROW_10)
                .remind(TOMORROW_10.plusMillis(1)).build())));

        assertEquals(List.of(), tasks.list(ADMIN, allQuery()).items());
        assertEquals(List.of(), events.events);

        // The limits themselves are fine, and so is a reminder exactly at the due time.
        TaskDto ok = tasks.create(ANNA, task(repeat(200)).description(repeat(10000)).due(TOMORROW_10)
                .remind(TOMORROW_10).build());
        assertEquals(200, ok.title().length());
        assertEquals(10000, ok.description().length());
        assertEquals(ok, tasks.get(ANNA, ok.id()));
        // A reminder without a due time, or one in the past, is allowed.
        tasks.create(ANNA, task("Remind only").remind(NOW.minusSeconds(3600)).build());
    }

    @Test
    public void linksAreCheckedWithTheCallersRights() {
        // Ben's company, contact and deal do not exist for Anna.
        List<String> fields = fieldsOf(() -> tasks.create(ANNA, task("X").company(2L).contact(13L).deal(22L)
                .build()));
        assertEquals(List.of("companyId", "contactId", "dealId"), fields);
        assertEquals("no such deal", messageOf(() -> tasks.create(ANNA, task("X").deal(22L).build())));
        // The manager may link them.
        TaskDto t = tasks.create(MANAGER, task("X").assignee("anna").company(2L).contact(13L).deal(22L).build());
        assertEquals(Long.valueOf(22), t.dealId());
        // Anna may edit that task without touching the links she could not set herself.
        TaskDto edited = tasks.update(ANNA, t.id(), t.version(), inputOf(t).title("Y").build());
        assertEquals("Y", edited.title());
        assertEquals(Long.valueOf(2), edited.companyId());
        // A link archived after it was set does not block other edits.
        companies.add(1, "anna", false);
        TaskDto linked = tasks.create(ANNA, task("Linked").company(1L).build());
        companies.add(1, "anna", true);
        TaskDto edited2 = tasks.update(ANNA, linked.id(), linked.version(), inputOf(linked).title("Linked 2")
                .build());
        assertEquals(Long.valueOf(1), edited2.companyId());
        // ...but setting it anew does.
        TaskDto unlinked = tasks.update(ANNA, linked.id(), edited2.version(), inputOf(edited2).company(null)
                .build());
        assertFields(() -> tasks.update(ANNA, linked.id(), unlinked.version(), inputOf(unlinked).company(1L)
                .build()), "companyId");
    }

    @Test
    public void salesUsersMayOnlyAssignToThemselves() {
        assertEquals("you may only assign tasks to yourself",
                messageOf(() -> tasks.create(ANNA, task("For Ben").assignee("ben").build())));
        TaskDto own = tasks.create(ANNA, task("Own").assignee("anna").build());
        assertEquals("anna", own.assignee());
        assertFields(() -> tasks.update(ANNA, own.id(), own.version(), inputOf(own).assignee("ben").build()),
                "assignee");
        TaskDto forBen = tasks.create(MANAGER, task("For Ben").assignee("ben").build());
        assertEquals("ben", forBen.assignee());
        assertEquals("manager", forBen.createdBy());
    }

    // ----------------------------------------------------------------------------------------------- subtasks

    @Test
    public void subtasksAreListedOnTheParent() {
        TaskDto parent = tasks.create(ANNA, task("Parent").build());
        TaskDto a = tasks.create(ANNA, task("Sub A").parent(parent.id()).build());
        TaskDto b = tasks.create(ANNA, task("Sub B").parent(parent.id()).build());
        assertEquals(parent.id(), a.parentId().longValue());
        assertEquals(List.of(a.id(), b.id()), tasks.get(ANNA, parent.id()).subtaskIds());
        assertEquals(List.of(a.id(), b.id()), tasks.list(ANNA, q(null, null, null, null, null, null, null, null,
                false, "createdAt")).items().get(0).subtaskIds());
        assertEquals(List.of("Sub A", "Sub B"), titles(tasks.list(ANNA, q(null, null, null, null, null, null, null,
                parent.id(), false, "createdAt"))));

        // Archived subtasks are not listed; restored ones are again.
        tasks.archive(ANNA, a.id());
        assertEquals(List.of(b.id()), tasks.get(ANNA, parent.id()).subtaskIds());
        tasks.restore(ANNA, a.id());
        assertEquals(List.of(a.id(), b.id()), tasks.get(ANNA, parent.id()).subtaskIds());

        // A sales user sees only the subtasks assigned to them; the manager all.
        TaskDto forBen = tasks.create(MANAGER, task("Sub for Ben").assignee("ben").parent(parent.id()).build());
        assertEquals(List.of(a.id(), b.id()), tasks.get(ANNA, parent.id()).subtaskIds());
        assertEquals(List.of(a.id(), b.id(), forBen.id()), tasks.get(MANAGER, parent.id()).subtaskIds());

        // Completing the parent with open subtasks is allowed; they stay open.
        TaskDto p = tasks.get(ANNA, parent.id());
        TaskDto done = tasks.complete(ANNA, p.id(), p.version());
        assertEquals(TaskStatus.DONE, done.status());
        assertEquals(TaskStatus.OPEN, tasks.get(ANNA, a.id()).status());
    }

    @Test
    public void subtasksAreOneLevelDeep() {
        TaskDto parent = tasks.create(ANNA, task("Parent").build());
        TaskDto sub = tasks.create(ANNA, task("Sub").parent(parent.id()).build());
        TaskDto other = tasks.create(ANNA, task("Other").build());
        TaskDto bens = tasks.create(BEN, task("Ben's").build());

        assertEquals("is a subtask itself; subtasks cannot have subtasks",
                messageOf(() -> tasks.create(ANNA, task("Subsub").parent(sub.id()).build())));
        assertEquals("no such task", messageOf(() -> tasks.create(ANNA, task("X").parent(bens.id()).build())));
        assertEquals("no such task", messageOf(() -> tasks.create(ANNA, task("X").parent(987654L).build())));
        assertEquals("a task cannot be its own parent", messageOf(() -> tasks.update(ANNA, other.id(),
                other.version(), inputOf(other).parent(other.id()).build())));
        assertEquals("this task has subtasks of its own; it cannot become a subtask",
                messageOf(() -> tasks.update(ANNA, parent.id(), tasks.get(ANNA, parent.id()).version(),
                        inputOf(parent).parent(other.id()).build())));
        TaskDto archivedParent = tasks.archive(ANNA, other.id());
        assertEquals("the task is archived", messageOf(() -> tasks.create(ANNA, task("X").parent(other.id())
                .build())));

        // Moving a subtask to another parent and detaching it work.
        tasks.restore(ANNA, archivedParent.id());
        TaskDto moved = tasks.update(ANNA, sub.id(), sub.version(), inputOf(sub).parent(other.id()).build());
        assertEquals(Long.valueOf(other.id()), moved.parentId());
        assertEquals(List.of(), tasks.get(ANNA, parent.id()).subtaskIds());
        assertEquals(List.of(sub.id()), tasks.get(ANNA, other.id()).subtaskIds());
        TaskDto detached = tasks.update(ANNA, sub.id(), moved.version(), inputOf(moved).parent(null).build());
        assertNull(detached.parentId());
        // Now the former parent has no subtasks and may itself become one.
        TaskDto p = tasks.get(ANNA, parent.id());
        assertEquals(Long.valueOf(other.id()), tasks.update(ANNA, p.id(), p.version(), inputOf(p).parent(other.id())
                .build()).parentId());
    }

    // --------------------------------------------------------------------------------------- archive / restore

    @Test
    public void archiveHidesAndRestoreBringsBack() {
        TaskDto t = tasks.create(ANNA, task("Archive me").deal(21L).build());
        tasks.create(ANNA, task("Stay").build());
        events.clear();
        TaskDto archived = tasks.archive(ANNA, t.id());
        assertTrue(archived.archived());
        assertEquals(t.version() + 1, archived.version());
        assertEquals(List.of("Stay"), titles(tasks.list(ANNA, allQuery())));
        assertEquals(List.of("Archive me"), titles(tasks.list(ANNA, q(null, null, null, null, null, null, null, null,
                true, null))));
        assertTrue(tasks.get(ANNA, t.id()).archived());
        Event e = events.only(topic(CrmEvents.ARCHIVED));
        assertEquals("Task 'Archive me' archived", e.getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(21L), e.getProperty(CrmEvents.DEAL_IDS));

        // Archiving again changes nothing.
        events.clear();
        assertEquals(archived, tasks.archive(ANNA, t.id()));
        assertEquals(List.of(), events.events);

        TaskDto restored = tasks.restore(ANNA, t.id());
        assertFalse(restored.archived());
        assertEquals(Set.of("Archive me", "Stay"), new HashSet<>(titles(tasks.list(ANNA, allQuery()))));
        assertEquals("Task 'Archive me' restored", events.only(topic(CrmEvents.RESTORED))
                .getProperty(CrmEvents.SUMMARY));
        events.clear();
        assertEquals(restored, tasks.restore(ANNA, t.id()));
        assertEquals(List.of(), events.events);
    }

    @Test
    public void validationExceptionCarriesMessages() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> tasks.create(ANNA, task("").description(repeat(10001)).build()));
        assertEquals("title", e.errors().get(0).field());
        assertEquals("is required", e.errors().get(0).message());
        assertEquals("description", e.errors().get(1).field());
        assertEquals("is longer than 10000 characters", e.errors().get(1).message());
    }

    @Test
    public void eventsGoOutAfterTheCommit() {
        List<TaskDto> seenByHandler = new ArrayList<>();
        // A handler (like the automatic tasks or the timeline) reading the task while the event is delivered.
        events.subscribe(CrmEvents.TOPIC_PREFIX + CrmEvents.TASK + "/*",
                e -> seenByHandler.add(tasks.get(Caller.SYSTEM, (Long) e.getProperty(CrmEvents.ID))));
        TaskDto t = tasks.create(ANNA, task("Committed").build());
        TaskDto done = tasks.complete(ANNA, t.id(), t.version());
        assertEquals(List.of(t, done), seenByHandler);
    }

    @Test
    public void theSystemCallerMayAssignToAnyone() {
        TaskDto t = tasks.create(Caller.SYSTEM, task("By the server").assignee("ben").deal(22L).build());
        assertEquals("ben", t.assignee());
        assertEquals("system", t.createdBy());
        assertEquals(t, tasks.get(BEN, t.id()));
        // Without an assignee the system itself would be assigned, and it is no user.
        assertFields(() -> tasks.create(Caller.SYSTEM, task("Nobody's").build()), "assignee");
    }
}
