package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.owners.OwnershipParticipant;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.support.jpa.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Moves a departing user's open (not DONE), live tasks to a colleague; finished and archived tasks keep their
 * assignee (they are history). Record type {@value #TYPE}. One REASSIGNED event per moved task.
 */
@Component(service = OwnershipParticipant.class, property = "crm.record.type=" + TaskOwnershipParticipant.TYPE)
public class TaskOwnershipParticipant implements OwnershipParticipant {
    public static final String TYPE = "tasks";
    private static final int CHUNK = 500;

    private final Transactions tx;
    private final EventAdmin events;
    private final Clock clock;

    @Activate
    public TaskOwnershipParticipant(@Reference(target = "(osgi.unit.name=crm-tasks)") EntityManagerFactory emf,
                                    @Reference EventAdmin events) {
        this(emf, events, Clock.systemUTC());
    }

    TaskOwnershipParticipant(EntityManagerFactory emf, EventAdmin events, Clock clock) {
        this.tx = new Transactions(emf);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Map<String, List<Long>> reassign(String fromUser, String toUser, String actor) {
        TaskEvents queued = new TaskEvents();
        List<Long> moved = tx.write(em -> {
            List<Long> ids = em.createQuery("SELECT t.id FROM TaskEntity t WHERE t.assignee = :from"
                            + " AND t.archived = false AND t.status <> :done ORDER BY t.id", Long.class)
                    .setParameter("from", fromUser).setParameter("done", TaskStatus.DONE).getResultList();
            setAssignee(em, ids, toUser);
            queue(em, queued, ids, actor, fromUser, toUser);
            return ids;
        });
        queued.sendTo(events);
        return Map.of(TYPE, List.copyOf(moved));
    }

    @Override
    public void revert(Map<String, List<Long>> moved, String fromUser) {
        List<Long> ids = moved == null ? null : moved.get(TYPE);
        if (ids == null || ids.isEmpty()) {
            return;
        }
        TaskEvents queued = new TaskEvents();
        tx.write(em -> {
            setAssignee(em, ids, fromUser);
            queue(em, queued, ids, "system", null, fromUser);
            return null;
        });
        queued.sendTo(events);
    }

    private void setAssignee(EntityManager em, List<Long> ids, String assignee) {
        Instant now = TasksData.now(clock);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            em.createQuery("UPDATE TaskEntity t SET t.assignee = :assignee, t.version = t.version + 1,"
                            + " t.updatedAt = :now WHERE t.id IN :ids")
                    .setParameter("assignee", assignee).setParameter("now", now).setParameter("ids", chunk)
                    .executeUpdate();
        }
    }

    private static void queue(EntityManager em, TaskEvents queued, List<Long> ids, String actor, String from,
                              String to) {
        if (ids.isEmpty()) {
            return;
        }
        em.clear();
        List<TaskEntity> tasks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            tasks.addAll(em.createQuery("SELECT t FROM TaskEntity t WHERE t.id IN :ids ORDER BY t.id",
                            TaskEntity.class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK))).getResultList());
        }
        for (TaskEntity t : tasks) {
            String summary = from == null
                    ? TaskEvents.name(t) + " given back to " + to
                    : TaskEvents.name(t) + " reassigned from " + from + " to " + to;
            queued.add(CrmEvents.REASSIGNED, actor, t, summary);
        }
    }
}
