package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.support.jpa.Transactions;
import java.time.Clock;
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
 * up. A failure is logged, never thrown at the sender.
 */
@Component(service = EventHandler.class, property = {
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.CONTACT + "/" + CrmEvents.MERGED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.COMPANY + "/" + CrmEvents.MERGED})
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
            Object merged = event.getProperty(CrmEvents.ID);
            Object survivor = event.getProperty(CrmEvents.SURVIVOR_ID);
            if (!(merged instanceof Long m) || !(survivor instanceof Long s) || m.equals(s)) {
                LOG.warn("ignoring {} without {} and {}", event.getTopic(), CrmEvents.ID, CrmEvents.SURVIVOR_ID);
                return;
            }
            boolean contact = event.getTopic().endsWith("/" + CrmEvents.CONTACT + "/" + CrmEvents.MERGED);
            repoint(contact ? "contactId" : "companyId", m, s);
        } catch (RuntimeException e) {
            LOG.warn("could not re-point tasks after {}", event.getTopic(), e);
        }
    }

    /** {@code field} is {@code contactId} or {@code companyId}; returns how many tasks changed. */
    int repoint(String field, long mergedId, long survivorId) {
        if (!field.equals("contactId") && !field.equals("companyId")) {
            throw new IllegalArgumentException(field);
        }
        return tx.write(em -> em.createQuery("UPDATE TaskEntity t SET t." + field + " = :s,"
                        + " t.version = t.version + 1, t.updatedAt = :now WHERE t." + field + " = :m")
                .setParameter("s", survivorId).setParameter("m", mergedId)
                .setParameter("now", TasksData.now(clock)).executeUpdate());
    }
}
