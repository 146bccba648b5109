package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.api.deals.StageDto;
import io.tessera.crm.api.deals.TaskTemplate;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskInput;
import io.tessera.crm.api.tasks.TaskService;
import io.tessera.crm.support.events.BatchEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the stage's automatic tasks when a deal is created in a stage or enters one
 * ({@code tessera/crm/deal/CREATED}, {@code tessera/crm/deal/STAGE_CHANGED}). For each {@link TaskTemplate} of the
 * stage: a task with the template's title, description and priority, assigned to the deal's owner, linked to the deal
 * and to its company (if any), due {@code dueInHours} after now. Created as {@link Caller#SYSTEM}. Deal events are
 * sent synchronously after the deal's transaction committed, so the tasks exist when the request that moved the deal
 * returns. A missing stage or a task that cannot be created is logged and skipped; it never fails the deal change.
 * The batch events of a bulk write ({@code deal/CREATED_BATCH}, posted after the deals' commit) give the tasks of all
 * their deals in one {@link TaskService#createAll} call.
 */
@Component(service = EventHandler.class, immediate = true, property = {
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.DEAL + "/" + CrmEvents.STAGE_CHANGED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.DEAL + "/" + CrmEvents.CREATED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.DEAL + "/" + CrmEvents.STAGE_CHANGED
                + CrmEvents.BATCH_SUFFIX,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.DEAL + "/" + CrmEvents.CREATED
                + CrmEvents.BATCH_SUFFIX})
public class AutomaticTasks implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AutomaticTasks.class);

    private final TaskService tasks;
    private final PipelineService pipelines;
    private final Clock clock;

    @Activate
    public AutomaticTasks(@Reference TaskService tasks, @Reference PipelineService pipelines) {
        this(tasks, pipelines, Clock.systemUTC());
    }

    AutomaticTasks(TaskService tasks, PipelineService pipelines, Clock clock) {
        this.tasks = tasks;
        this.pipelines = pipelines;
        this.clock = clock;
    }

    @Override
    public void handleEvent(Event event) {
        try {
            if (BatchEvents.isBatch(event)) {
                createForBatch(event);
            } else {
                create(event);
            }
        } catch (RuntimeException e) {
            LOG.error("Automatic tasks for {} failed", describe(event), e);
        }
    }

    /** The tasks created for one deal event (empty when the stage has no templates). */
    List<TaskDto> create(Event event) {
        List<TaskDto> created = new ArrayList<>();
        for (TaskInput input : inputs(event, new HashMap<>())) {
            try {
                created.add(createOne(input));
            } catch (RuntimeException e) {
                warnNotCreated(input, event, e);
            }
        }
        return created;
    }

    /** The tasks for every deal of a batch event, created in one call; returns how many were created. */
    int createForBatch(Event event) {
        Map<Long, StageDto> stages = new HashMap<>();
        List<TaskInput> inputs = new ArrayList<>();
        List<Event> sources = new ArrayList<>();
        for (Event single : BatchEvents.singles(event)) {
            for (TaskInput input : inputs(single, stages)) {
                inputs.add(input);
                sources.add(single);
            }
        }
        if (inputs.isEmpty()) {
            return 0;
        }
        List<BatchResult> results = tasks.createAll(Caller.SYSTEM, inputs);
        int created = 0;
        for (int i = 0; i < results.size(); i++) {
            BatchResult result = results.get(i);
            try {
                if (!result.ok() && onlyCompanyIsWrong(inputs.get(i), result.error())) {
                    tasks.create(Caller.SYSTEM, withoutCompany(inputs.get(i)));
                } else if (!result.ok()) {
                    throw result.error();
                }
                created++;
            } catch (RuntimeException e) {
                warnNotCreated(inputs.get(i), sources.get(i), e);
            }
        }
        return created;
    }

    /**
     * For each {@link TaskTemplate} of the event's stage, the task to create; none when the event lacks what it needs
     * or its stage is gone. {@code stages} keeps the stages read so far.
     */
    private List<TaskInput> inputs(Event event, Map<Long, StageDto> stages) {
        Long stageId = asLong(event.getProperty(CrmEvents.STAGE_ID));
        Long dealId = asLong(event.getProperty(CrmEvents.ID));
        Object ownerValue = event.getProperty(CrmEvents.OWNER);
        if (stageId == null || dealId == null || !(ownerValue instanceof String owner) || owner.isBlank()) {
            LOG.warn("Ignoring {}: it lacks a stage, deal id or owner", describe(event));
            return List.of();
        }
        StageDto stage = stages.get(stageId);
        if (stage == null) {
            try {
                stage = pipelines.stage(stageId);
            } catch (NotFoundException e) {
                LOG.warn("Ignoring {}: stage {} does not exist (any more)", describe(event), stageId);
                return List.of();
            }
            stages.put(stageId, stage);
        }
        List<TaskTemplate> templates = stage.taskTemplates() == null ? List.of() : stage.taskTemplates();
        Long companyId = firstCompany(event.getProperty(CrmEvents.COMPANY_IDS));
        Instant now = TasksData.now(clock);
        List<TaskInput> inputs = new ArrayList<>(templates.size());
        for (TaskTemplate template : templates) {
            Instant due = now.plus(Duration.ofHours(Math.max(0, template.dueInHours())));
            inputs.add(new TaskInput(template.title(), template.description(), due, null, owner,
                    template.priority(), null, null, companyId, null, dealId));
        }
        return inputs;
    }

    private static void warnNotCreated(TaskInput input, Event event, RuntimeException e) {
        LOG.warn("Automatic task '{}' for deal {} in stage {} not created: {}", input.title(), input.dealId(),
                event.getProperty(CrmEvents.STAGE_ID), e.getMessage());
    }

    /** Creates the task; if only the company link is at fault (say it was archived), creates it without it. */
    private TaskDto createOne(TaskInput input) {
        try {
            return tasks.create(Caller.SYSTEM, input);
        } catch (ValidationException e) {
            if (!onlyCompanyIsWrong(input, e)) {
                throw e;
            }
            return tasks.create(Caller.SYSTEM, withoutCompany(input));
        }
    }

    private static boolean onlyCompanyIsWrong(TaskInput input, CrmException error) {
        return input.companyId() != null && error instanceof ValidationException v
                && v.errors().stream().map(FieldError::field).allMatch("companyId"::equals);
    }

    private static TaskInput withoutCompany(TaskInput input) {
        return new TaskInput(input.title(), input.description(), input.dueAt(), input.remindAt(), input.assignee(),
                input.priority(), input.status(), input.parentId(), null, input.contactId(), input.dealId());
    }

    private static Long firstCompany(Object value) {
        if (value instanceof List<?> list && !list.isEmpty()) {
            return asLong(list.get(0));
        }
        if (value instanceof Long[] array && array.length > 0) {
            return array[0];
        }
        if (value instanceof long[] array && array.length > 0) {
            return array[0];
        }
        return null;
    }

    private static Long asLong(Object value) {
        return value instanceof Number n ? Long.valueOf(n.longValue()) : null;
    }

    private static String describe(Event event) {
        return event.getTopic() + " of deal " + event.getProperty(CrmEvents.ID);
    }
}
