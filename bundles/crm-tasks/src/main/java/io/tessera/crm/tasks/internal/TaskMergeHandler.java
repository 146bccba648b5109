package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.support.events.MergeEvent;
import io.tessera.crm.support.jpa.Transactions;
import java.time.Clock;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a contact or company is merged into another ({@code tessera/crm/<entity>/MERGED}), every task that refers to
 * the merged record (open, done or archived) refers to the survivor instead: one bulk update, the tasks' versions go
 * up, and each moved task is remembered ({@link TaskMergeMove}). When the merged record is restored
 * ({@code RESTORED} with {@link CrmEvents#SURVIVOR_ID}), the tasks that merge moved and that are still on the
 * survivor go back. A failure is logged, never thrown at the sender.
 */
@Component(service = EventHandler.class, property = {
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.CONTACT + "/" + CrmEvents.MERGED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.COMPANY + "/" + CrmEvents.MERGED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.CONTACT + "/" + CrmEvents.RESTORED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.COMPANY + "/" + CrmEvents.RESTORED})
public class TaskMergeHandler implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TaskMergeHandler.class);

    private final Transactions tx;
    private final Clock clock;

    @Activate
    public TaskMergeHandler(@Reference(target = "(osgi.unit.name=crm-tasks)") EntityManagerFactory emf) {
        this(emf, Clock.systemUTC());
    }

    TaskMergeHandler(EntityManagerFactory emf, Clock clock) {
        this.tx = new Transactions(emf);
        this.clock = clock;
    }

    @Override
    public void handleEvent(Event event) {
        try {
            MergeEvent e = MergeEvent.of(event.getTopic(), event::getProperty, LOG::warn);
            if (e == null) {
                return; // a plain restore: nothing was moved
            }
            String field = e.contact() ? "contactId" : "companyId";
            if (e.undo()) {
                moveBack(field, e.mergedId(), e.survivorId());
            } else {
                repoint(field, e.mergedId(), e.survivorId());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not re-point tasks after {}", event.getTopic(), e);
        }
    }

    /** {@code field} is {@code contactId} or {@code companyId}; returns how many tasks changed. */
    int repoint(String field, long mergedId, long survivorId) {
        check(field);
        return tx.write(em -> {
            for (Long id : em.createQuery("SELECT t.id FROM TaskEntity t WHERE t." + field + " = :m", Long.class)
                    .setParameter("m", mergedId).getResultList()) {
                em.persist(new TaskMergeMove(field, mergedId, survivorId, id));
            }
            return em.createQuery("UPDATE TaskEntity t SET t." + field + " = :s,"
                            + " t.version = t.version + 1, t.updatedAt = :now WHERE t." + field + " = :m")
                    .setParameter("s", survivorId).setParameter("m", mergedId)
                    .setParameter("now", TasksData.now(clock)).executeUpdate();
        });
    }

    /** Undoes {@link #repoint} for the tasks still on the survivor; returns how many went back. */
    int moveBack(String field, long mergedId, long survivorId) {
        check(field);
        return tx.write(em -> {
            List<Long> ids = em.createQuery("SELECT mv.taskId FROM TaskMergeMove mv WHERE mv.field = :f"
                            + " AND mv.mergedId = :m AND mv.survivorId = :s", Long.class)
                    .setParameter("f", field).setParameter("m", mergedId).setParameter("s", survivorId)
                    .getResultList();
            int moved = ids.isEmpty() ? 0 : em.createQuery("UPDATE TaskEntity t SET t." + field + " = :m,"
                            + " t.version = t.version + 1, t.updatedAt = :now WHERE t.id IN :ids AND t." + field
                            + " = :s")
                    .setParameter("m", mergedId).setParameter("s", survivorId).setParameter("ids", ids)
                    .setParameter("now", TasksData.now(clock)).executeUpdate();
            em.createQuery("DELETE FROM TaskMergeMove mv WHERE mv.field = :f AND mv.mergedId = :m"
                            + " AND mv.survivorId = :s")
                    .setParameter("f", field).setParameter("m", mergedId).setParameter("s", survivorId)
                    .executeUpdate();
            return moved;
        });
    }

    private static void check(String field) {
        if (!field.equals("contactId") && !field.equals("companyId")) {
            throw new IllegalArgumentException(field);
        }
    }
}
