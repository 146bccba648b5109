package io.tessera.crm.tasks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.service.event.Event;

public class TaskOwnershipParticipantTest extends TasksFixture {

    @Test
    public void reassignMovesOnlyOpenLiveTasksAndRevertGivesThemBack() {
        TaskDto open = tasks.create(ANNA, task("Open").company(1L).contact(11L).deal(21L).build());
        TaskDto busy = tasks.create(ANNA, task("Busy").status(TaskStatus.IN_PROGRESS).build());
        TaskDto done = tasks.create(ANNA, task("Done").status(TaskStatus.DONE).build());
        TaskDto archived = tasks.archive(ANNA, tasks.create(ANNA, task("Archived").build()).id());
        TaskDto bens = tasks.create(BEN, task("Ben's").build());
        events.clear();
        clock.advance(Duration.ofMinutes(1));

        TaskOwnershipParticipant participant = new TaskOwnershipParticipant(emf, events, clock);
        Map<String, List<Long>> moved = participant.reassign("anna", "ben", "admin");
        assertEquals(Map.of("tasks", List.of(open.id(), busy.id())), moved);

        TaskDto nowOpen = tasks.get(BEN, open.id());
        assertEquals("ben", nowOpen.assignee());
        assertEquals(open.version() + 1, nowOpen.version());
        assertEquals(NOW.plus(Duration.ofMinutes(1)), nowOpen.updatedAt());
        assertEquals("ben", tasks.get(BEN, busy.id()).assignee());
        assertThrows(NotFoundException.class, () -> tasks.get(ANNA, open.id()));
        assertEquals("anna", tasks.get(ANNA, done.id()).assignee());
        assertEquals("anna", tasks.get(ANNA, archived.id()).assignee());
        assertEquals(3, tasks.list(BEN, TasksFixture.allQuery()).items().size());

        assertEquals(List.of(CrmEvents.topic(CrmEvents.TASK, CrmEvents.REASSIGNED),
                CrmEvents.topic(CrmEvents.TASK, CrmEvents.REASSIGNED)), events.topics());
        Event first = events.events.get(0);
        assertEquals(open.id(), first.getProperty(CrmEvents.ID));
        assertEquals("ben", first.getProperty(CrmEvents.OWNER));
        assertEquals("admin", first.getProperty(CrmEvents.ACTOR));
        assertEquals(List.of(1L), first.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(11L), first.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(21L), first.getProperty(CrmEvents.DEAL_IDS));
        assertEquals("Task 'Open' reassigned from anna to ben", first.getProperty(CrmEvents.SUMMARY));

        // The version moved on: an edit made before the move is stale.
        assertThrows(StaleVersionException.class,
                () -> tasks.update(MANAGER, open.id(), open.version(), task("Edited").build()));

        events.clear();
        participant.revert(moved, "anna");
        assertEquals("anna", tasks.get(ANNA, open.id()).assignee());
        assertEquals("anna", tasks.get(ANNA, busy.id()).assignee());
        assertEquals("ben", tasks.get(BEN, bens.id()).assignee());
        assertEquals(2, events.events.size());
        assertEquals("anna", events.events.get(0).getProperty(CrmEvents.OWNER));
        assertEquals("system", events.events.get(0).getProperty(CrmEvents.ACTOR));
        assertEquals("Task 'Open' given back to anna", events.events.get(0).getProperty(CrmEvents.SUMMARY));

        // Nothing to move; nothing to revert.
        assertEquals(Map.of("tasks", List.of()), participant.reassign("manager", "ben", "admin"));
        participant.revert(Map.of(), "anna");
        participant.revert(null, "anna");
        participant.revert(Map.of("deals", List.of(1L)), "anna");
        assertEquals(2, events.events.size());
    }
}
