package io.tessera.crm.tasks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.tasks.Priority;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskQuery;
import io.tessera.crm.api.tasks.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** Task lists: who sees what, filters, sort orders, paging and "overdue" (TaskListQuery through the service). */
public class TaskListTest extends TasksFixture {
    private static List<Long> ids(Page<TaskDto> page) {
        return page.items().stream().map(TaskDto::id).toList();
    }

    private static TaskQuery sorted(String sort) {
        return q(null, null, null, null, null, null, null, null, false, sort);
    }

    private static TaskQuery overdue(Boolean overdue) {
        return q(null, null, null, overdue, null, null, null, null, false, null);
    }

    @Test
    public void salesUsersSeeOnlyTheirTasks() {
        TaskDto annas = tasks.create(ANNA, task("Anna's").build());
        TaskDto bens = tasks.create(BEN, task("Ben's").build());
        TaskDto managers = tasks.create(MANAGER, task("Manager's").build());

        assertThrows(NotFoundException.class, () -> tasks.get(ANNA, bens.id()));
        assertThrows(NotFoundException.class, () -> tasks.get(ANNA, managers.id()));
        assertThrows(NotFoundException.class, () -> tasks.get(ANNA, 123456L));
        assertThrows(NotFoundException.class, () -> tasks.update(ANNA, bens.id(), bens.version(),
                task("Mine now").build()));
        assertThrows(NotFoundException.class, () -> tasks.complete(ANNA, bens.id(), bens.version()));
        assertThrows(NotFoundException.class, () -> tasks.reopen(ANNA, bens.id(), bens.version()));
        assertThrows(NotFoundException.class, () -> tasks.archive(ANNA, bens.id()));
        assertThrows(NotFoundException.class, () -> tasks.restore(ANNA, bens.id()));

        assertEquals(List.of("Anna's"), titles(tasks.list(ANNA, allQuery())));
        assertEquals(List.of("Ben's"), titles(tasks.list(BEN, allQuery())));
        // Asking for someone else's tasks gives nothing rather than them.
        assertEquals(List.of(), titles(tasks.list(ANNA, q(null, "ben", null, null, null, null, null, null, false,
                null))));
        assertEquals(Set.of("Anna's", "Ben's", "Manager's"), new HashSet<>(titles(tasks.list(MANAGER, allQuery()))));
        assertEquals(List.of("Ben's"), titles(tasks.list(ADMIN, q(null, "ben", null, null, null, null, null, null,
                false, null))));
        assertEquals(annas, tasks.get(MANAGER, annas.id()));
        assertEquals(bens.id(), tasks.get(Caller.SYSTEM, bens.id()).id());
    }

    @Test
    public void overdueFollowsTheClock() {
        TaskDto past = tasks.create(ANNA, task("Past").due(NOW.minusSeconds(3600)).build());
        TaskDto soon = tasks.create(ANNA, task("Soon").due(NOW.plusSeconds(600)).build());
        TaskDto exactlyNow = tasks.create(ANNA, task("Now").due(NOW).build());
        tasks.create(ANNA, task("Someday").build());
        TaskDto donePast = tasks.create(ANNA, task("Done past").due(NOW.minusSeconds(7200)).build());
        tasks.complete(ANNA, donePast.id(), donePast.version());
        TaskDto inProgress = tasks.create(ANNA, task("Busy").due(NOW.minusSeconds(60))
                .status(TaskStatus.IN_PROGRESS).build());

        assertTrue(past.overdue());
        assertFalse(soon.overdue());
        assertFalse(exactlyNow.overdue());
        assertTrue(inProgress.overdue());
        assertEquals(List.of("Past", "Busy"), titles(tasks.list(ANNA, overdue(true))));
        assertEquals(List.of("Done past", "Now", "Soon", "Someday"), titles(tasks.list(ANNA, overdue(false))));
        assertEquals(6, tasks.list(ANNA, overdue(null)).items().size());

        clock.advance(Duration.ofMinutes(11));
        assertEquals(List.of("Past", "Busy", "Now", "Soon"), titles(tasks.list(ANNA, overdue(true))));
        assertTrue(tasks.get(ANNA, soon.id()).overdue());
        assertTrue(tasks.get(ANNA, exactlyNow.id()).overdue());
        assertEquals(List.of("Done past", "Someday"), titles(tasks.list(ANNA, overdue(false))));
        // Overdue tasks listed by the manager too, flagged.
        assertTrue(tasks.list(MANAGER, overdue(true)).items().stream().allMatch(TaskDto::overdue));
    }

    @Test
    public void pagingGivesEveryTaskExactlyOnce() {
        for (int i = 0; i < 7; i++) {
            tasks.create(ANNA, task("Task " + i).due(NOW.plusSeconds(3600L * (7 - i))).build());
        }
        tasks.create(BEN, task("Ben's").build());
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<TaskDto> page = tasks.list(ANNA, new TaskQuery(null, null, null, null, null, null, null, null,
                    false, null, new Paging(3, cursor)));
            seen.addAll(titles(page));
            cursor = page.nextCursor();
            pages++;
            assertTrue(pages < 10);
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(List.of("Task 6", "Task 5", "Task 4", "Task 3", "Task 2", "Task 1", "Task 0"), seen);

        assertFields(() -> tasks.list(ANNA, new TaskQuery(null, null, null, null, null, null, null, null, false,
                null, new Paging(3, "garbage"))), "cursor");
        // Exactly a full page: no next cursor.
        assertNull(tasks.list(ANNA, new TaskQuery(null, null, null, null, null, null, null, null, false, null,
                new Paging(7, null))).nextCursor());
    }

    @Test
    public void sortOrders() {
        tasks.create(ANNA, task("No due, low").priority(Priority.LOW).build());
        clock.advance(Duration.ofSeconds(1));
        tasks.create(ANNA, task("Late, urgent").due(NOW.plusSeconds(7200)).priority(Priority.URGENT).build());
        clock.advance(Duration.ofSeconds(1));
        tasks.create(ANNA, task("Early, normal").due(NOW.plusSeconds(60)).build());
        clock.advance(Duration.ofSeconds(1));
        tasks.create(ANNA, task("Middle, high").due(NOW.plusSeconds(3600)).priority(Priority.HIGH).build());

        List<String> byDue = List.of("Early, normal", "Middle, high", "Late, urgent", "No due, low");
        assertEquals(byDue, titles(tasks.list(ANNA, allQuery())));
        assertEquals(byDue, titles(tasks.list(ANNA, sorted("dueAt"))));
        assertEquals(List.of("Late, urgent", "Middle, high", "Early, normal", "No due, low"),
                titles(tasks.list(ANNA, sorted("-dueAt"))));
        assertEquals(List.of("No due, low", "Early, normal", "Middle, high", "Late, urgent"),
                titles(tasks.list(ANNA, sorted("priority"))));
        assertEquals(List.of("Late, urgent", "Middle, high", "Early, normal", "No due, low"),
                titles(tasks.list(ANNA, sorted("-priority"))));
        assertEquals(List.of("No due, low", "Late, urgent", "Early, normal", "Middle, high"),
                titles(tasks.list(ANNA, sorted("createdAt"))));
        assertEquals(List.of("Middle, high", "Early, normal", "Late, urgent", "No due, low"),
                titles(tasks.list(ANNA, sorted("-createdAt"))));
        assertFields(() -> tasks.list(ANNA, sorted("title")), "sort");
    }

    @Test
    public void filters() {
        TaskDto offer = tasks.create(ANNA, task("Send the OFFER").company(1L).deal(21L).build());
        TaskDto call = tasks.create(ANNA, task("Call").description("discuss the offer, 100% sure").contact(11L)
                .build());
        TaskDto visit = tasks.create(ANNA, task("Visit").company(1L).contact(12L).status(TaskStatus.IN_PROGRESS)
                .build());
        tasks.create(MANAGER, task("Ben's offer").assignee("ben").company(2L).build());

        assertEquals(List.of(offer.id(), call.id()), ids(tasks.list(ANNA, q(" offer ", null, null, null, null,
                null, null, null, false, "createdAt"))));
        assertEquals(List.of(call.id()), ids(tasks.list(ANNA, q("100%", null, null, null, null, null, null, null,
                false, null))));
        assertEquals(List.of(), ids(tasks.list(ANNA, q("1_0", null, null, null, null, null, null, null, false,
                null))));
        assertEquals(3, tasks.list(MANAGER, q("offer", null, null, null, null, null, null, null, false, null))
                .items().size());
        assertEquals(List.of(visit.id()), ids(tasks.list(ANNA, q(null, null, TaskStatus.IN_PROGRESS, null, null,
                null, null, null, false, null))));
        assertEquals(List.of(offer.id(), visit.id()), ids(tasks.list(ANNA, q(null, null, null, null, 1L, null,
                null, null, false, "createdAt"))));
        assertEquals(List.of(call.id()), ids(tasks.list(ANNA, q(null, null, null, null, null, 11L, null, null,
                false, null))));
        assertEquals(List.of(offer.id()), ids(tasks.list(ANNA, q(null, null, null, null, null, null, 21L, null,
                false, null))));
        assertEquals(List.of(offer.id(), visit.id()), ids(tasks.list(MANAGER, q(null, "anna", null, null, 1L, null,
                null, null, false, "createdAt"))));
        assertEquals(List.of("Ben's offer"), titles(tasks.list(MANAGER, q(null, null, null, null, 2L, null, null,
                null, false, null))));
        assertEquals(List.of(), ids(tasks.list(ANNA, q(null, null, TaskStatus.DONE, null, null, null, null, null,
                false, null))));
    }

    @Test
    public void nullQueryListsEverythingVisible() {
        tasks.create(ANNA, task("One").build());
        assertEquals(List.of("One"), titles(tasks.list(ANNA, null)));
        assertNotNull(tasks.list(ANNA, null));
    }
}
