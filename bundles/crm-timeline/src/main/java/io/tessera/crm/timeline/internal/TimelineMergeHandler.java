package io.tessera.crm.timeline.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.support.events.MergeEvent;
import io.tessera.crm.support.jpa.Transactions;
import java.util.List;
import javax.persistence.EntityManager;
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
 * The notes moved and the links added are remembered ({@link NoteMergeMove}, {@link MergeLinkAdd}); when the merged
 * record is restored ({@code RESTORED} with {@link CrmEvents#SURVIVOR_ID}) the notes still about the survivor are
 * about it again and the links are taken away, so each card's history is what it was before the merge.
 * One local transaction; a failure is logged, never thrown at the sender.
 */
@Component(service = EventHandler.class, property = {
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.CONTACT + "/" + CrmEvents.MERGED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.COMPANY + "/" + CrmEvents.MERGED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.CONTACT + "/" + CrmEvents.RESTORED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.COMPANY + "/" + CrmEvents.RESTORED})
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
            MergeEvent e = MergeEvent.of(event.getTopic(), event::getProperty, LOG::warn);
            if (e == null) {
                return; // a plain restore: nothing was moved
            }
            if (e.undo()) {
                moveNotesBack(e.contact(), e.mergedId(), e.survivorId());
                removeAddedLinks(e.contact(), e.mergedId(), e.survivorId());
            } else {
                repoint(e.contact(), e.mergedId(), e.survivorId());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not re-point the timeline after {}", event.getTopic(), e);
        }
    }

    /** The note field, and the link table and column, that a merge of a contact (or of a company) concerns. */
    private enum Kind {
        CONTACT("contactId", "TL_ENTRY_CONTACT", "CONTACT_ID"), COMPANY("companyId", "TL_ENTRY_COMPANY", "COMPANY_ID");

        final String field;
        final String table;
        final String column;

        Kind(String field, String table, String column) {
            this.field = field;
            this.table = table;
            this.column = column;
        }

        static Kind of(boolean contact) {
            return contact ? CONTACT : COMPANY;
        }
    }

    /** Returns {notes changed, entry links added}. */
    int[] repoint(boolean contact, long mergedId, long survivorId) {
        Kind kind = Kind.of(contact);
        String field = kind.field;
        String table = kind.table;
        String column = kind.column;
        int[] result = tx.write(em -> {
            for (Long id : em.createQuery("SELECT n.id FROM NoteEntity n WHERE n." + field + " = :m", Long.class)
                    .setParameter("m", mergedId).getResultList()) {
                em.persist(new NoteMergeMove(field, mergedId, survivorId, id));
            }
            int notes = em.createQuery("UPDATE NoteEntity n SET n." + field + " = :s, n.version = n.version + 1"
                            + " WHERE n." + field + " = :m")
                    .setParameter("s", survivorId).setParameter("m", mergedId).executeUpdate();
            // the merged record's entries not linked to the survivor yet (?1 survivor, ?2 merged)
            String unlinked = " FROM " + table + " l WHERE l." + column + " = ?2 AND NOT EXISTS (SELECT 1 FROM "
                    + table + " o WHERE o.ENTRY_ID = l.ENTRY_ID AND o." + column + " = ?1)";
            @SuppressWarnings("unchecked")
            List<Number> entries = em.createNativeQuery("SELECT l.ENTRY_ID" + unlinked)
                    .setParameter(1, survivorId).setParameter(2, mergedId).getResultList();
            for (Number entry : entries) {
                em.persist(new MergeLinkAdd(field, mergedId, survivorId, entry.longValue()));
            }
            int links = em.createNativeQuery("INSERT INTO " + table + " (ENTRY_ID, " + column + ")"
                            + " SELECT l.ENTRY_ID, ?1" + unlinked)
                    .setParameter(1, survivorId).setParameter(2, mergedId).executeUpdate();
            return new int[] {notes, links};
        });
        // The link rows were written past JPA: entries cached with their old links must be read again.
        emf.getCache().evict(TimelineEntryEntity.class);
        return result;
    }

    /** Takes away the links to the survivor that the merge added to the merged record's entries; returns how many. */
    int removeAddedLinks(boolean contact, long mergedId, long survivorId) {
        Kind kind = Kind.of(contact);
        int removed = tx.write(em -> {
            int links = em.createNativeQuery("DELETE FROM " + kind.table + " WHERE " + kind.column + " = ?1"
                            + " AND ENTRY_ID IN (SELECT a.ENTRY_ID FROM TL_MERGE_LINK_ADD a WHERE a.FIELD = ?2"
                            + " AND a.MERGED_ID = ?3 AND a.SURVIVOR_ID = ?1)")
                    .setParameter(1, survivorId).setParameter(2, kind.field).setParameter(3, mergedId)
                    .executeUpdate();
            forgetSteps(em, "MergeLinkAdd", kind.field, mergedId, survivorId);
            return links;
        });
        emf.getCache().evict(TimelineEntryEntity.class);
        return removed;
    }

    /** The notes the merge moved and that are still about the survivor are about the merged record again. */
    int moveNotesBack(boolean contact, long mergedId, long survivorId) {
        String field = Kind.of(contact).field;
        return tx.write(em -> {
            List<Long> ids = em.createQuery("SELECT mv.noteId FROM NoteMergeMove mv WHERE mv.field = :f"
                            + " AND mv.mergedId = :m AND mv.survivorId = :s", Long.class)
                    .setParameter("f", field).setParameter("m", mergedId).setParameter("s", survivorId)
                    .getResultList();
            int moved = ids.isEmpty() ? 0 : em.createQuery("UPDATE NoteEntity n SET n." + field + " = :m,"
                            + " n.version = n.version + 1 WHERE n.id IN :ids AND n." + field + " = :s")
                    .setParameter("m", mergedId).setParameter("s", survivorId).setParameter("ids", ids)
                    .executeUpdate();
            forgetSteps(em, "NoteMergeMove", field, mergedId, survivorId);
            return moved;
        });
    }

    /** Deletes what the merge of {@code mergedId} into {@code survivorId} recorded as {@code steps} (a MergeStep). */
    private static void forgetSteps(EntityManager em, String steps, String field, long mergedId, long survivorId) {
        em.createQuery("DELETE FROM " + steps + " st WHERE st.field = :f AND st.mergedId = :m AND st.survivorId = :s")
                .setParameter("f", field).setParameter("m", mergedId).setParameter("s", survivorId).executeUpdate();
    }
}
