package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.support.events.BatchEvents;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Task events collected during a transaction and sent once it committed. */
final class TaskEvents {
    /**
     * On task events of a task whose reminder is still to be sent (live, not DONE, not sent for its {@code remindAt}):
     * that {@code remindAt}, an {@link Instant}. Absent otherwise. {@link ReminderScheduler} needs to look again only
     * when an event brings a reminder earlier than its next wake-up.
     */
    static final String PENDING_REMINDER = "pendingReminderAt";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final List<Event> pending = new ArrayList<>();

    /** Queues one task event on {@code tessera/crm/task/<action>}. */
    void add(String action, String actor, TaskEntity t, String summary) {
        pending.add(event(action, actor, t, summary));
    }

    void sendTo(EventAdmin events) {
        List<Event> toSend = List.copyOf(pending);
        pending.clear();
        toSend.forEach(events::sendEvent);
    }

    /** Posts what was queued by a bulk call as batch events, one per action ({@link BatchEvents}). */
    void postBatches(EventAdmin events) {
        List<Event> toPost = List.copyOf(pending);
        pending.clear();
        BatchEvents.post(events, toPost);
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    static Event event(String action, String actor, TaskEntity t, String summary) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, CrmEvents.TASK);
        props.put(CrmEvents.ID, t.getId());
        props.put(CrmEvents.ACTOR, actor);
        props.put(CrmEvents.OWNER, t.getAssignee());
        props.put(CrmEvents.SUMMARY, summary);
        props.put(CrmEvents.COMPANY_IDS, t.getCompanyId() == null ? List.of() : List.of(t.getCompanyId()));
        props.put(CrmEvents.CONTACT_IDS, t.getContactId() == null ? List.of() : List.of(t.getContactId()));
        props.put(CrmEvents.DEAL_IDS, t.getDealId() == null ? List.of() : List.of(t.getDealId()));
        if (t.getRemindAt() != null && t.getReminderSentAt() == null && !t.isArchived()
                && t.getStatus() != TaskStatus.DONE) {
            props.put(PENDING_REMINDER, t.getRemindAt());
        }
        return new Event(CrmEvents.topic(CrmEvents.TASK, action), props);
    }

    /** An instant as the summaries show it, e.g. {@code 2026-11-24 10:00 UTC}. */
    static String format(Instant instant) {
        return WHEN.format(instant);
    }

    /** "Task 'X'" — the start of every summary. */
    static String name(TaskEntity t) {
        return "Task '" + t.getTitle() + "'";
    }
}
