package io.tessera.crm.tasks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskInput;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.support.events.BatchEvents;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.osgi.service.event.Event;

/** {@code TaskService.createAll} and {@code archiveAll}: the single calls' checks, one transaction, batch events. */
public class TaskBatchTest extends TasksFixture {
    private static final Instant DUE = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    public void theValidTasksAreWrittenAndEachOtherItemGetsTheErrorCreateWouldThrow() {
        List<TaskInput> inputs = Arrays.asList(
                task("Call back").due(DUE).remind(DUE).company(1L).contact(11L).deal(21L).build(),
                task(" ").assignee("ben").company(99L).build(),
                null,
                task("On an archived deal").deal(23L).build(),
                task("Done already").status(TaskStatus.DONE).build());

        List<BatchResult> results = tasks.createAll(ANNA, inputs);

        assertEquals(5, results.size());
        assertTrue(results.get(0).ok());
        assertEquals(fieldsOf(() -> tasks.create(ANNA, inputs.get(1))), fields(results.get(1)));
        assertEquals(List.of("body"), fields(results.get(2)));
        assertEquals(messageOf(() -> tasks.create(ANNA, inputs.get(3))),
                ((ValidationException) results.get(3).error()).errors().get(0).message());
        assertTrue(results.get(4).ok());

        TaskDto call = tasks.get(ANNA, results.get(0).id());
        assertEquals(results.get(0).version(), call.version());
        assertEquals("Call back", call.title());
        assertEquals(DUE, call.dueAt());
        assertEquals(DUE, call.remindAt());
        assertEquals("anna", call.assignee());
        assertEquals("anna", call.createdBy());
        assertEquals(Long.valueOf(21), call.dealId());
        assertEquals(TaskStatus.OPEN, call.status());
        assertEquals(NOW, tasks.get(ANNA, results.get(4).id()).completedAt());
        assertEquals(2, tasks.list(ADMIN, allQuery()).items().size());
    }

    @Test
    public void oneBatchEventCarriesWhatEachTasksOwnEventWould() {
        TaskInput input = task("Call back").due(DUE).remind(DUE).company(1L).deal(21L).build();
        TaskDto single = tasks.create(ANNA, input);
        Event singleEvent = events.only(CrmEvents.topic(CrmEvents.TASK, CrmEvents.CREATED));
        events.events.clear();

        List<BatchResult> results = tasks.createAll(ANNA, List.of(input, task("Second").build()));

        Event batch = events.only(CrmEvents.topic(CrmEvents.TASK, CrmEvents.CREATED + CrmEvents.BATCH_SUFFIX));
        assertEquals(1, events.events.size());
        List<Event> records = BatchEvents.singles(batch);
        assertEquals(2, records.size());
        for (String name : singleEvent.getPropertyNames()) {
            Object expected = switch (name) {
                case CrmEvents.ID -> results.get(0).id();
                default -> singleEvent.getProperty(name);
            };
            assertEquals(name, expected, records.get(0).getProperty(name));
        }
        assertEquals(DUE, records.get(0).getProperty(TaskEvents.PENDING_REMINDER));
        assertEquals(results.get(1).id(), records.get(1).getProperty(CrmEvents.ID));
        assertFalse(single.id() == results.get(0).id());

        events.events.clear();
        tasks.createAll(ANNA, List.of(task("").build()));
        assertEquals(List.of(), events.events);
    }

    @Test
    public void archiveAllArchivesWhatTheCallerMayAndReportsTheRest() {
        TaskDto mine = tasks.create(ANNA, task("Mine").build());
        TaskDto archived = tasks.archive(ANNA, tasks.create(ANNA, task("Archived before").build()).id());
        TaskDto bens = tasks.create(BEN, task("Ben's").build());
        events.events.clear();

        List<BatchResult> results = tasks.archiveAll(ANNA,
                Arrays.asList(mine.id(), archived.id(), bens.id(), 999L, null));

        assertTrue(results.get(0).ok());
        assertTrue(tasks.get(ANNA, mine.id()).archived());
        assertEquals(tasks.get(ANNA, mine.id()).version(), results.get(0).version());
        assertTrue(results.get(1).ok());
        assertTrue(results.get(2).error() instanceof NotFoundException);
        assertFalse(tasks.get(BEN, bens.id()).archived());
        assertTrue(results.get(3).error() instanceof NotFoundException);
        assertEquals(List.of("id"), fields(results.get(4)));
        Event batch = events.only(CrmEvents.topic(CrmEvents.TASK, CrmEvents.ARCHIVED + CrmEvents.BATCH_SUFFIX));
        assertEquals(1, events.events.size());
        assertEquals(List.of(mine.id()), BatchEvents.singles(batch).stream()
                .map(e -> e.getProperty(CrmEvents.ID)).toList());
    }

    @Test
    public void theLinksOfABatchAreCheckedAsCreateChecksThem() {
        // company 3 is anna's but archived, contact 13 is ben's, deal 99 does not exist, deal 23 is archived
        List<TaskInput> inputs = List.of(task("Links").company(3L).contact(13L).deal(99L).build(),
                task("Archived deal").company(1L).contact(11L).deal(23L).build(),
                task("Fine").company(1L).contact(12L).deal(21L).build());

        List<BatchResult> results = tasks.createAll(ANNA, inputs);

        for (int i = 0; i < 2; i++) {
            TaskInput input = inputs.get(i);
            List<FieldError> single = null;
            try {
                tasks.create(ANNA, input);
            } catch (ValidationException e) {
                single = e.errors();
            }
            assertEquals(single, ((ValidationException) results.get(i).error()).errors());
        }
        assertEquals(List.of("companyId", "contactId", "dealId"), fields(results.get(0)));
        assertTrue(results.get(2).ok());
    }

    private static List<String> fields(BatchResult result) {
        assertFalse(result.ok());
        return ((ValidationException) result.error()).errors().stream().map(FieldError::field).toList();
    }
}
