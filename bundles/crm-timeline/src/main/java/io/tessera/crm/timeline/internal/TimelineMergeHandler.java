package io.tessera.crm.timeline.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.support.jpa.Transactions;
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
 * When a contact or company is merged into another ({@code tessera/crm/<entity>/MERGED}):
 * <ul>
 * <li>notes about the merged record are about the survivor instead (their versions go up);</li>
 * <li>every timeline entry of the merged record also belongs to the survivor's history (a link row is added unless
 *     the entry already has one), so the survivor's history shows the merged card's past. The merged card keeps
 *     its own rows: restored, it still shows its history.</li>
 * </ul>
 * One local transaction; a failure is logged, never thrown at the sender.
 */
@Component(service = EventHandler.class, property = {
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.CONTACT + "/" + CrmEvents.MERGED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.COMPANY + "/" + CrmEvents.MERGED})
public class TimelineMergeHandler implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineMergeHandler.class);

    private final EntityManagerFactory emf;
    private final Transactions tx;

    @Activate
    public TimelineMergeHandler(@Reference(target = "(osgi.unit.name=crm-timeline)") EntityManagerFactory emf) {
        this.emf = emf;
        this.tx = new Transactions(emf);
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
            repoint(event.getTopic().endsWith("/" + CrmEvents.CONTACT + "/" + CrmEvents.MERGED), m, s);
        } catch (RuntimeException e) {
            LOG.warn("could not re-point the timeline after {}", event.getTopic(), e);
        }
    }

    /** Returns {notes changed, entry links added}. */
    int[] repoint(boolean contact, long mergedId, long survivorId) {
        String field = contact ? "contactId" : "companyId";
        String table = contact ? "TL_ENTRY_CONTACT" : "TL_ENTRY_COMPANY";
        String column = contact ? "CONTACT_ID" : "COMPANY_ID";
        int[] result = tx.write(em -> {
            int notes = em.createQuery("UPDATE NoteEntity n SET n." + field + " = :s, n.version = n.version + 1"
                            + " WHERE n." + field + " = :m")
                    .setParameter("s", survivorId).setParameter("m", mergedId).executeUpdate();
            int links = em.createNativeQuery("INSERT INTO " + table + " (ENTRY_ID, " + column + ")"
                            + " SELECT l.ENTRY_ID, ?1 FROM " + table + " l WHERE l." + column + " = ?2"
                            + " AND NOT EXISTS (SELECT 1 FROM " + table + " o WHERE o.ENTRY_ID = l.ENTRY_ID"
                            + " AND o." + column + " = ?1)")
                    .setParameter(1, survivorId).setParameter(2, mergedId).executeUpdate();
            return new int[] {notes, links};
        });
        // The link rows were written past JPA: entries cached with their old links must be read again.
        emf.getCache().evict(TimelineEntryEntity.class);
        return result;
    }
}
