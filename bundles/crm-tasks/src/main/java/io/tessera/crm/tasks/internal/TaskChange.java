package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.tasks.Priority;
import io.tessera.crm.api.tasks.TaskInput;
import io.tessera.crm.api.tasks.TaskStatus;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.EntityManager;

/**
 * What an update does to a task, worked out before anything is written: its fields, its assignee and its status
 * (entering DONE sets {@code completedAt}, leaving it clears it); then applied in place and announced, one event per
 * kind of change.
 */
final class TaskChange {
    private final TaskEntity task;
    private final TaskInput input;
    private final String assignee;
    private final String previousAssignee;
    private final TaskStatus status;
    private final boolean remindMoves;
    private final boolean fieldsChange;
    private final boolean completes;
    private final boolean reopens;

    TaskChange(TaskEntity t, TaskInput input, String assignee) {
        this.task = t;
        this.input = input;
        this.assignee = assignee;
        this.previousAssignee = t.getAssignee();
        this.status = input.status() == null ? t.getStatus() : input.status();
        Priority priority = input.priority() == null ? Priority.NORMAL : input.priority();
        this.remindMoves = !Objects.equals(t.getRemindAt(), input.remindAt());
        this.fieldsChange = !Objects.equals(t.getTitle(), input.title().trim())
                || !Objects.equals(t.getDescription(), TaskServiceImpl.blankToNull(input.description()))
                || !Objects.equals(t.getDueAt(), input.dueAt())
                || remindMoves
                || t.getPriority() != priority
                || !Objects.equals(t.getParentId(), input.parentId())
                || !Objects.equals(t.getCompanyId(), input.companyId())
                || !Objects.equals(t.getContactId(), input.contactId())
                || !Objects.equals(t.getDealId(), input.dealId())
                || (status != t.getStatus() && status != TaskStatus.DONE && t.getStatus() != TaskStatus.DONE);
        this.completes = status == TaskStatus.DONE && t.getStatus() != TaskStatus.DONE;
        this.reopens = status != TaskStatus.DONE && t.getStatus() == TaskStatus.DONE;
    }

    boolean isNone() {
        return !fieldsChange && !reassigned() && !completes && !reopens;
    }

    private boolean reassigned() {
        return !previousAssignee.equals(assignee);
    }

    /** Writes the change (flushed) in the caller's transaction. */
    void apply(EntityManager em, Instant now) {
        applyFields(task, input, assignee);
        task.setStatus(status);
        if (completes) {
            task.setCompletedAt(now);
        } else if (reopens) {
            task.setCompletedAt(null);
        }
        task.setUpdatedAt(now);
        em.flush();
        if (remindMoves) {
            clearReminderSent(em, task);
        }
    }

    void announce(TaskEvents queued, String actor) {
        if (fieldsChange) {
            queued.add(CrmEvents.UPDATED, actor, task, TaskEvents.name(task) + " changed");
        }
        if (reassigned()) {
            queued.add(CrmEvents.REASSIGNED, actor, task,
                    TaskEvents.name(task) + " reassigned from " + previousAssignee + " to " + assignee);
        }
        if (completes) {
            queued.add(CrmEvents.COMPLETED, actor, task, TaskEvents.name(task) + " completed");
        } else if (reopens) {
            queued.add(CrmEvents.REOPENED, actor, task, TaskEvents.name(task) + " reopened");
        }
    }

    /** The input's fields onto the task (a new one, or one being updated). */
    static void applyFields(TaskEntity t, TaskInput in, String assignee) {
        t.setTitle(in.title().trim());
        t.setDescription(TaskServiceImpl.blankToNull(in.description()));
        t.setDueAt(in.dueAt());
        if (!Objects.equals(t.getRemindAt(), in.remindAt())) {
            t.setRemindAt(in.remindAt());
            t.setReminderSentAt(null);
        }
        t.setAssignee(assignee);
        t.setPriority(in.priority() == null ? Priority.NORMAL : in.priority());
        t.setParentId(in.parentId());
        t.setCompanyId(in.companyId());
        t.setContactId(in.contactId());
        t.setDealId(in.dealId());
    }

    /**
     * Clears the "reminder sent" mark in the database too, not only in the entity: the reminder scheduler may have
     * marked the old time as sent after this transaction read the task (the mark does not bump the version).
     */
    private static void clearReminderSent(EntityManager em, TaskEntity t) {
        em.createQuery("UPDATE TaskEntity t SET t.reminderSentAt = NULL WHERE t.id = :id")
                .setParameter("id", t.getId()).executeUpdate();
    }
}
