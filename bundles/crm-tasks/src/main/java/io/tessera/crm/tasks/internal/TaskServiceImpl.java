package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskInput;
import io.tessera.crm.api.tasks.TaskQuery;
import io.tessera.crm.api.tasks.TaskService;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.support.jpa.BatchItems;
import io.tessera.crm.support.jpa.Cursors;
import io.tessera.crm.support.jpa.Transactions;
import io.tessera.crm.support.validation.Checks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Tasks: create/update, complete/reopen, archive/restore, lists with filters.
 *
 * <ul>
 *   <li>Visibility: a caller who does not {@link Caller#seesAll() see all} sees the tasks assigned to them; anything
 *       else answers {@link NotFoundException} as a missing task.</li>
 *   <li>{@code assignee} null means the caller; it must exist; a sales user may only assign to themselves.</li>
 *   <li>{@code priority} null means NORMAL. {@code status} null means OPEN on create and "unchanged" on update.
 *       Entering DONE sets {@code completedAt}, leaving DONE clears it.</li>
 *   <li>Subtasks are one level deep: the parent must be a visible, live task that is not a subtask itself, and a task
 *       that has subtasks (live or archived) cannot become a subtask. So there are no cycles. Completing a parent
 *       whose subtasks are still open is allowed; archiving a parent leaves its subtasks alone.</li>
 *   <li>Links to a company, contact or deal are checked through the owning bundle's service with the caller's
 *       rights, only when they change (a task whose company was archived later can still be edited).</li>
 *   <li>{@code remindAt} must not be after {@code dueAt}; it may lie in the past (the reminder then goes out at
 *       once). Changing it makes the reminder pending again.</li>
 *   <li>Lists default to {@code dueAt} ascending with tasks without a due time last ({@code -dueAt}: latest first,
 *       also with those without a due time last).</li>
 * </ul>
 */
@Component(service = TaskService.class)
public class TaskServiceImpl implements TaskService {
    private final Transactions tx;
    private final EventAdmin events;
    private final TaskChecks checks;
    private final Clock clock;

    @Activate
    public TaskServiceImpl(@Reference(target = "(osgi.unit.name=crm-tasks)") EntityManagerFactory emf,
                           @Reference EventAdmin events, @Reference CompanyService companies,
                           @Reference ContactService contacts, @Reference DealService deals,
                           @Reference UserService users) {
        this(emf, events, companies, contacts, deals, users, Clock.systemUTC());
    }

    /** For tests: a fixed or offset clock decides what "now" (and so "overdue") is. */
    TaskServiceImpl(EntityManagerFactory emf, EventAdmin events, CompanyService companies, ContactService contacts,
                    DealService deals, UserService users, Clock clock) {
        this.tx = new Transactions(emf);
        this.events = events;
        this.checks = new TaskChecks(companies, contacts, deals, users);
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------------- reads

    @Override
    public TaskDto get(Caller caller, long id) {
        return tx.read(em -> toDto(em, caller, visible(em, caller, id), now()));
    }

    @Override
    public Page<TaskDto> list(Caller caller, TaskQuery query) {
        TaskQuery q = query == null ? TaskQuery.all() : query;
        Instant now = now();
        TaskListQuery listQuery = new TaskListQuery(caller, q, now);
        return tx.read(em -> {
            List<TaskEntity> found = listQuery.run(em);
            Map<Long, List<Long>> subtasks = TasksData.subtasks(em, found.stream().map(TaskEntity::getId).toList(),
                    caller.seesAll() ? null : caller.username());
            List<TaskDto> dtos = found.stream()
                    .map(t -> toDto(t, subtasks.getOrDefault(t.getId(), List.of()), now)).toList();
            return Cursors.page(dtos, q.paging());
        });
    }

    // --------------------------------------------------------------------------------------------------- writes

    @Override
    public TaskDto create(Caller caller, TaskInput input) {
        Instant now = now();
        return writeThenSend(queued -> tx.write(em -> {
            TaskEntity t = persistNew(em, caller, input, now, checks.live(caller));
            em.flush();
            return announce(t, caller, queued, now);
        }));
    }

    @Override
    public List<BatchResult> createAll(Caller caller, List<TaskInput> inputs) {
        Instant now = now();
        TaskEvents queued = new TaskEvents();
        TaskChecks.Links links = checks.of(caller, inputs);
        List<BatchResult> results = tx.write(em -> BatchItems.writeEach(em, inputs,
                input -> persistNew(em, caller, input, now, links),
                t -> BatchResult.ok(announce(t, caller, queued, now).id(), t.getVersion())));
        queued.postBatches(events);
        return results;
    }

    /** Checks the input as {@link #create} does and persists the task (not flushed). */
    private TaskEntity persistNew(EntityManager em, Caller caller, TaskInput input, Instant now,
                                  TaskChecks.Links links) {
        requireInput(input);
        Checks c = new Checks();
        String assignee = checks.checkFields(em, c, caller, input, null, links);
        c.throwIfAny();

        TaskEntity t = new TaskEntity();
        TaskChange.applyFields(t, input, assignee);
        TaskStatus status = input.status() == null ? TaskStatus.OPEN : input.status();
        t.setStatus(status);
        t.setCompletedAt(status == TaskStatus.DONE ? now : null);
        t.setCreatedBy(caller.username());
        t.setArchived(false);
        t.setCreatedAt(now);
        t.setUpdatedAt(now);
        em.persist(t);
        return t;
    }

    /** Once flushed: queues the new task's event and answers its DTO. */
    private static TaskDto announce(TaskEntity t, Caller caller, TaskEvents queued, Instant now) {
        String summary = TaskEvents.name(t) + " created for " + t.getAssignee()
                + (t.getDueAt() == null ? "" : ", due " + TaskEvents.format(t.getDueAt()));
        queued.add(CrmEvents.CREATED, caller.username(), t, summary);
        return toDto(t, List.of(), now); // a task just created has no subtasks yet
    }

    @Override
    public TaskDto update(Caller caller, long id, long expectedVersion, TaskInput input) {
        requireInput(input);
        return writeThenSend(queued -> tx.write(em -> {
            TaskEntity t = visible(em, caller, id);
            checkVersion(t, expectedVersion);
            requireLive(t);
            Checks c = new Checks();
            String assignee = checks.checkFields(em, c, caller, input, t, checks.live(caller));
            c.throwIfAny();

            TaskChange change = new TaskChange(t, input, assignee);
            if (change.isNone()) {
                return toDto(em, caller, t, now());
            }
            Instant now = now();
            change.apply(em, now);
            change.announce(queued, caller.username());
            return toDto(em, caller, t, now);
        }));
    }

    /**
     * Marks the task DONE. Allowed while its subtasks are still open (they stay open). Completing a DONE task
     * changes nothing.
     */
    @Override
    public TaskDto complete(Caller caller, long id, long expectedVersion) {
        return writeThenSend(queued -> tx.write(em -> {
            TaskEntity t = visible(em, caller, id);
            checkVersion(t, expectedVersion);
            requireLive(t);
            Instant now = now();
            if (t.getStatus() != TaskStatus.DONE) {
                t.setStatus(TaskStatus.DONE);
                t.setCompletedAt(now);
                t.setUpdatedAt(now);
                em.flush();
                queued.add(CrmEvents.COMPLETED, caller.username(), t, TaskEvents.name(t) + " completed");
            }
            return toDto(em, caller, t, now);
        }));
    }

    /** Puts a DONE task back to OPEN and clears {@code completedAt}; a task that is not DONE stays as it is. */
    @Override
    public TaskDto reopen(Caller caller, long id, long expectedVersion) {
        return writeThenSend(queued -> tx.write(em -> {
            TaskEntity t = visible(em, caller, id);
            checkVersion(t, expectedVersion);
            requireLive(t);
            Instant now = now();
            if (t.getStatus() == TaskStatus.DONE) {
                t.setStatus(TaskStatus.OPEN);
                t.setCompletedAt(null);
                t.setUpdatedAt(now);
                em.flush();
                queued.add(CrmEvents.REOPENED, caller.username(), t, TaskEvents.name(t) + " reopened");
            }
            return toDto(em, caller, t, now);
        }));
    }

    @Override
    public TaskDto archive(Caller caller, long id) {
        return writeThenSend(queued -> tx.write(em -> {
            Instant now = now();
            Archival a = Archival.of(visible(em, caller, id), now);
            if (a.changed()) {
                em.flush();
                a.queueEvent(queued, caller);
            }
            return toDto(em, caller, a.task(), now);
        }));
    }

    @Override
    public List<BatchResult> archiveAll(Caller caller, List<Long> ids) {
        TaskEvents queued = new TaskEvents();
        Instant now = now();
        List<BatchResult> results = tx.write(em -> BatchItems.writeEach(em, ids,
                id -> Archival.of(visible(em, caller, requireId(id)), now),
                a -> {
                    if (a.changed()) {
                        a.queueEvent(queued, caller);
                    }
                    return BatchResult.ok(a.task().getId(), a.task().getVersion());
                }));
        queued.postBatches(events);
        return results;
    }

    /** A task being archived; {@code changed} is false when it was archived already. */
    private record Archival(TaskEntity task, boolean changed) {
        static Archival of(TaskEntity t, Instant now) {
            if (t.isArchived()) {
                return new Archival(t, false);
            }
            t.setArchived(true);
            t.setUpdatedAt(now);
            return new Archival(t, true);
        }

        void queueEvent(TaskEvents queued, Caller caller) {
            queued.add(CrmEvents.ARCHIVED, caller.username(), task, TaskEvents.name(task) + " archived");
        }
    }

    @Override
    public TaskDto restore(Caller caller, long id) {
        return writeThenSend(queued -> tx.write(em -> {
            TaskEntity t = visible(em, caller, id);
            Instant now = now();
            if (t.isArchived()) {
                t.setArchived(false);
                t.setUpdatedAt(now);
                em.flush();
                queued.add(CrmEvents.RESTORED, caller.username(), t, TaskEvents.name(t) + " restored");
            }
            return toDto(em, caller, t, now);
        }));
    }

    /** Runs a write that queues events, then sends them (only reached when the transaction committed). */
    private TaskDto writeThenSend(java.util.function.Function<TaskEvents, TaskDto> write) {
        TaskEvents queued = new TaskEvents();
        TaskDto result = write.apply(queued);
        queued.sendTo(events);
        return result;
    }

    // ------------------------------------------------------------------------------------------------ validation

    private static long requireId(Long id) {
        if (id == null) {
            throw new ValidationException("id", "is required");
        }
        return id;
    }

    private static void requireInput(TaskInput input) {
        if (input == null) {
            throw new ValidationException("body", "is required");
        }
    }

    private static void checkVersion(TaskEntity t, long expectedVersion) {
        if (t.getVersion() != expectedVersion) {
            throw new StaleVersionException("task", t.getId(), expectedVersion, t.getVersion());
        }
    }

    private static void requireLive(TaskEntity t) {
        if (t.isArchived()) {
            throw new ConflictException("task " + t.getId() + " is archived; restore it first");
        }
    }

    // -------------------------------------------------------------------------------------------------- mapping

    private Instant now() {
        return TasksData.now(clock);
    }

    private static TaskEntity visible(EntityManager em, Caller caller, long id) {
        TaskEntity t = em.find(TaskEntity.class, id);
        if (t == null || !caller.mayAccess(t.getAssignee())) {
            throw new NotFoundException("task", id);
        }
        return t;
    }

    private static TaskDto toDto(EntityManager em, Caller caller, TaskEntity t, Instant now) {
        List<Long> subtasks = TasksData.subtasks(em, List.of(t.getId()), caller.seesAll() ? null : caller.username())
                .getOrDefault(t.getId(), List.of());
        return toDto(t, subtasks, now);
    }

    static TaskDto toDto(TaskEntity t, List<Long> subtaskIds, Instant now) {
        return new TaskDto(t.getId(), t.getVersion(), t.getTitle(), t.getDescription(), t.getDueAt(),
                t.getRemindAt(), t.getAssignee(), t.getPriority(), t.getStatus(), t.getParentId(),
                List.copyOf(subtaskIds), t.getCompanyId(), t.getContactId(), t.getDealId(),
                TasksData.isOverdue(t, now), t.getCompletedAt(), t.getCreatedBy(), t.isArchived(), t.getCreatedAt(),
                t.getUpdatedAt());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
