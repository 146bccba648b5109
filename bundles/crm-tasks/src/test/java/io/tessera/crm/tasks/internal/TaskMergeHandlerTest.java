package io.tessera.crm.tasks.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;
import org.osgi.service.event.Event;

public class TaskMergeHandlerTest extends TasksFixture {

    private static Event merged(String entity, Object mergedId, Object survivorId) {
        return event(CrmEvents.MERGED, entity, mergedId, survivorId);
    }

    private static Event event(String action, String entity, Object mergedId, Object survivorId) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, entity);
        props.put(CrmEvents.ID, mergedId);
        if (survivorId != null) {
            props.put(CrmEvents.SURVIVOR_ID, survivorId);
        }
        return new Event(CrmEvents.topic(entity, action), props);
    }

    @Test
    public void restoringTheMergedRecordTakesBackTheTasksStillOnTheSurvivor() {
        TaskDto moved = tasks.create(ANNA, task("Moved").contact(12L).build());
        TaskDto movedOn = tasks.create(ANNA, task("Moved on").contact(12L).build());
        TaskDto survivors = tasks.create(ANNA, task("Survivor's").contact(11L).build());
        TaskMergeHandler handler = new TaskMergeHandler(emf, clock);
        handler.handleEvent(merged(CrmEvents.CONTACT, 12L, 11L));
        // after the merge somebody gives one of the moved tasks to a third contact: it stays there
        TaskDto now = tasks.get(ADMIN, movedOn.id());
        tasks.update(ADMIN, movedOn.id(), now.version(), task("Moved on").contact(13L).build());

        handler.handleEvent(event(CrmEvents.RESTORED, CrmEvents.CONTACT, 12L, null)); // a plain restore: nothing
        assertEquals(Long.valueOf(11L), tasks.get(ADMIN, moved.id()).contactId());
        handler.handleEvent(event(CrmEvents.RESTORED, CrmEvents.CONTACT, 12L, 11L));
        assertEquals(Long.valueOf(12L), tasks.get(ADMIN, moved.id()).contactId());
        assertEquals(Long.valueOf(13L), tasks.get(ADMIN, movedOn.id()).contactId());
        assertEquals(Long.valueOf(11L), tasks.get(ADMIN, survivors.id()).contactId());
        assertEquals(0, handler.moveBack("contactId", 12L, 11L));
    }

    @Test
    public void contactMergeRepointsEveryTaskOfTheMergedContact() {
        TaskDto open = tasks.create(ANNA, task("Open").company(1L).contact(12L).build());
        TaskDto done = tasks.create(ANNA, task("Done").contact(12L).status(TaskStatus.DONE).build());
        TaskDto archived = tasks.archive(ANNA, tasks.create(ANNA, task("Archived").contact(12L).build()).id());
        TaskDto survivors = tasks.create(ANNA, task("Survivor's").contact(11L).build());
        TaskDto other = tasks.create(BEN, task("Other").contact(13L).build());
        events.clear();
        clock.advance(Duration.ofMinutes(1));

        new TaskMergeHandler(emf, clock).handleEvent(merged(CrmEvents.CONTACT, 12L, 11L));

        TaskDto open2 = tasks.get(ADMIN, open.id());
        assertEquals(Long.valueOf(11L), open2.contactId());
        assertEquals(Long.valueOf(1L), open2.companyId());
        assertEquals(open.version() + 1, open2.version());
        assertEquals(NOW.plus(Duration.ofMinutes(1)), open2.updatedAt());
        assertEquals(Long.valueOf(11L), tasks.get(ADMIN, done.id()).contactId());
        assertEquals(Long.valueOf(11L), tasks.get(ADMIN, archived.id()).contactId());
        assertEquals(survivors, tasks.get(ADMIN, survivors.id()));
        assertEquals(other, tasks.get(ADMIN, other.id()));
        assertEquals(0, events.events.size());
        assertEquals(0, new TaskMergeHandler(emf, clock).repoint("contactId", 12L, 11L));
    }

    @Test
    public void companyMergeRepointsTheCompanyOnly() {
        TaskDto a = tasks.create(ANNA, task("A").company(1L).contact(12L).build());
        TaskDto b = tasks.create(BEN, task("B").company(2L).build());

        new TaskMergeHandler(emf, clock).handleEvent(merged(CrmEvents.COMPANY, 1L, 2L));

        TaskDto a2 = tasks.get(ADMIN, a.id());
        assertEquals(Long.valueOf(2L), a2.companyId());
        assertEquals(Long.valueOf(12L), a2.contactId());
        assertEquals(b, tasks.get(ADMIN, b.id()));
    }

    @Test
    public void eventsWithoutIdsChangeNothing() {
        TaskDto a = tasks.create(ANNA, task("A").contact(12L).build());
        new TaskMergeHandler(emf, clock).handleEvent(merged(CrmEvents.CONTACT, 12L, null));
        new TaskMergeHandler(emf, clock).handleEvent(merged(CrmEvents.CONTACT, 12L, 12L));
        assertEquals(a, tasks.get(ADMIN, a.id()));
    }
}
