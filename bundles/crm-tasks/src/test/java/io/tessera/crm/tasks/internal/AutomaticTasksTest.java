package io.tessera.crm.tasks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.deals.TaskTemplate;
import io.tessera.crm.api.tasks.Priority;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskQuery;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.support.events.BatchEvents;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;

public class AutomaticTasksTest extends TasksFixture {
    private static final String STAGE_CHANGED = CrmEvents.topic(CrmEvents.DEAL, CrmEvents.STAGE_CHANGED);
    private static final String DEAL_CREATED = CrmEvents.topic(CrmEvents.DEAL, CrmEvents.CREATED);

    private FakePipelines pipelines;
    private AutomaticTasks automatic;

    @Before
    public void wire() {
        pipelines = new FakePipelines()
                .add(5, "Measurements",
                        new TaskTemplate("Arrange the measurement", "Call the client for a date", 24, Priority.HIGH),
                        new TaskTemplate("Prepare the quote", null, 72, null))
                .add(6, "Empty");
        automatic = new AutomaticTasks(tasks, pipelines, clock);
        // As in the container: the handler hears deal events, delivered synchronously.
        events.subscribe(STAGE_CHANGED, automatic);
        events.subscribe(DEAL_CREATED, automatic);
    }

    private static Event dealEvent(String topic, long dealId, Object stageId, String owner, List<Long> companyIds) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, CrmEvents.DEAL);
        props.put(CrmEvents.ID, dealId);
        props.put(CrmEvents.ACTOR, "ben");
        if (owner != null) {
            props.put(CrmEvents.OWNER, owner);
        }
        if (stageId != null) {
            props.put(CrmEvents.STAGE_ID, stageId);
        }
        props.put(CrmEvents.COMPANY_IDS, companyIds);
        props.put(CrmEvents.CONTACT_IDS, List.of());
        props.put(CrmEvents.DEAL_IDS, List.of(dealId));
        return new Event(topic, props);
    }

    private List<TaskDto> all() {
        return tasks.list(ADMIN, new TaskQuery(null, null, null, null, null, null, null, null, false, "createdAt",
                null)).items();
    }

    @Test
    public void stageChangeCreatesTheStagesTasksForTheDealOwner() {
        events.sendEvent(dealEvent(STAGE_CHANGED, 21, 5L, "anna", List.of(1L, 2L)));

        List<TaskDto> created = all();
        assertEquals(2, created.size());
        TaskDto first = created.get(0);
        assertEquals("Arrange the measurement", first.title());
        assertEquals("Call the client for a date", first.description());
        assertEquals("anna", first.assignee());
        assertEquals(Priority.HIGH, first.priority());
        assertEquals(TaskStatus.OPEN, first.status());
        assertEquals(NOW.plus(Duration.ofHours(24)), first.dueAt());
        assertNull(first.remindAt());
        assertEquals(Long.valueOf(21), first.dealId());
        assertEquals(Long.valueOf(1), first.companyId());
        assertNull(first.contactId());
        assertEquals("system", first.createdBy());
        TaskDto second = created.get(1);
        assertEquals("Prepare the quote", second.title());
        assertNull(second.description());
        assertEquals(Priority.NORMAL, second.priority());
        assertEquals(NOW.plus(Duration.ofHours(72)), second.dueAt());

        // Anna sees them as her own.
        assertEquals(2, tasks.list(ANNA, TaskQuery.all()).items().size());
        List<Event> taskEvents = events.of(CrmEvents.topic(CrmEvents.TASK, CrmEvents.CREATED));
        assertEquals(2, taskEvents.size());
        assertEquals("system", taskEvents.get(0).getProperty(CrmEvents.ACTOR));
        assertEquals("anna", taskEvents.get(0).getProperty(CrmEvents.OWNER));
        assertEquals("Task 'Arrange the measurement' created for anna, due 2026-11-24 09:00 UTC",
                taskEvents.get(0).getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(21L), taskEvents.get(0).getProperty(CrmEvents.DEAL_IDS));
        assertEquals(List.of(1L), taskEvents.get(0).getProperty(CrmEvents.COMPANY_IDS));
    }

    @Test
    public void dealCreatedInAStageGetsItsTasksToo() {
        events.sendEvent(dealEvent(DEAL_CREATED, 22, 5L, "ben", List.of()));
        List<TaskDto> created = all();
        assertEquals(List.of("Arrange the measurement", "Prepare the quote"),
                created.stream().map(TaskDto::title).toList());
        assertEquals("ben", created.get(0).assignee());
        assertNull(created.get(0).companyId());
        assertEquals(Long.valueOf(22), created.get(0).dealId());
    }

    @Test
    public void nothingHappensWithoutTemplatesOrStage() {
        events.sendEvent(dealEvent(STAGE_CHANGED, 21, 6L, "anna", List.of(1L)));
        events.sendEvent(dealEvent(STAGE_CHANGED, 21, 404L, "anna", List.of(1L)));
        events.sendEvent(dealEvent(STAGE_CHANGED, 21, null, "anna", List.of(1L)));
        events.sendEvent(dealEvent(STAGE_CHANGED, 21, 5L, null, List.of(1L)));
        events.sendEvent(dealEvent(STAGE_CHANGED, 21, "5", "anna", List.of(1L)));
        assertEquals(List.of(), all());
    }

    @Test
    public void anArchivedCompanyIsLeftOutAndAnUnknownOwnerSkipsTheTasks() {
        events.sendEvent(dealEvent(STAGE_CHANGED, 21, 5L, "anna", List.of(3L)));
        List<TaskDto> created = all();
        assertEquals(2, created.size());
        assertNull(created.get(0).companyId());
        assertEquals(Long.valueOf(21), created.get(0).dealId());

        // An owner who no longer exists: logged and skipped; the deal change is not disturbed.
        events.sendEvent(dealEvent(STAGE_CHANGED, 21, 5L, "ghost", List.of()));
        assertEquals(2, all().size());
        // A deal that does not exist (any more): skipped too.
        events.sendEvent(dealEvent(STAGE_CHANGED, 999, 5L, "anna", List.of()));
        assertEquals(2, all().size());
    }

    @Test
    public void createReturnsTheTasksForDirectCallers() {
        List<TaskDto> created = automatic.create(dealEvent(STAGE_CHANGED, 21, 5, "anna", List.of()));
        assertEquals(2, created.size());
        assertEquals(created.get(0), tasks.get(Caller.SYSTEM, created.get(0).id()));
    }

    @Test
    public void aBatchOfNewDealsGetsItsStagesTasksInOneCall() {
        Event deal21 = dealEvent(DEAL_CREATED, 21, 5L, "anna", List.of(3L)); // company 3 is archived
        Event deal22 = dealEvent(DEAL_CREATED, 22, 5L, "ben", List.of());
        Event deal23 = dealEvent(DEAL_CREATED, 23, 6L, "anna", List.of()); // a stage without templates
        Event ghost = dealEvent(DEAL_CREATED, 24, 5L, "ghost", List.of()); // no such user: skipped
        events.subscribe(DEAL_CREATED + CrmEvents.BATCH_SUFFIX, automatic);

        BatchEvents.post(events, List.of(deal21, deal22, deal23, ghost));

        // deal 22's two in the batch, then deal 21's again one by one without the archived company
        List<TaskDto> created = all().stream().sorted(Comparator.comparing(TaskDto::id)).toList();
        assertEquals(List.of(22L, 22L, 21L, 21L), created.stream().map(TaskDto::dealId).toList());
        assertEquals(List.of("ben", "ben", "anna", "anna"), created.stream().map(TaskDto::assignee).toList());
        assertNull(created.get(2).companyId());
        assertEquals("Arrange the measurement", created.get(0).title());
        assertEquals("Prepare the quote", created.get(1).title());
        assertEquals(NOW.plus(Duration.ofHours(72)), created.get(1).dueAt());
        assertEquals(1, events.events.stream()
                .filter(e -> e.getTopic().equals(CrmEvents.topic(CrmEvents.TASK, CrmEvents.CREATED + CrmEvents.BATCH_SUFFIX)))
                .count());
    }
}
