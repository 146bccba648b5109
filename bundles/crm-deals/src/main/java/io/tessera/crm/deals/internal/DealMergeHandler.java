package io.tessera.crm.deals.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.support.events.MergeEvent;
import io.tessera.crm.support.jpa.Transactions;
import java.time.Instant;
import java.util.ArrayList;
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
 * When a contact or company is merged into another ({@code tessera/crm/<entity>/MERGED}), every deal that refers to
 * the merged record (live or archived) refers to the survivor instead; a deal already linked to the survivor keeps
 * that one link. Each re-pointed deal is remembered ({@link DealMergeMove}); when the merged record is restored
 * ({@code RESTORED} with {@link CrmEvents#SURVIVOR_ID}) the deals that still refer to the survivor refer to it again
 * (a survivor the deal had before the merge stays linked too). One local transaction each; the deals' versions go up.
 * A failure is logged, never thrown at the sender.
 */
@Component(service = EventHandler.class, property = {
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.CONTACT + "/" + CrmEvents.MERGED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.COMPANY + "/" + CrmEvents.MERGED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.CONTACT + "/" + CrmEvents.RESTORED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.COMPANY + "/" + CrmEvents.RESTORED})
public class DealMergeHandler implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DealMergeHandler.class);

    private final Transactions tx;

    @Activate
    public DealMergeHandler(@Reference(target = "(osgi.unit.name=crm-deals)") EntityManagerFactory emf) {
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
                moveBack(e.contact(), e.mergedId(), e.survivorId());
            } else if (e.contact()) {
                contactMerged(e.mergedId(), e.survivorId());
            } else {
                companyMerged(e.mergedId(), e.survivorId());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not re-point deals after {}", event.getTopic(), e);
        }
    }

    /** Returns the ids of the deals changed. */
    List<Long> contactMerged(long mergedId, long survivorId) {
        return tx.write(em -> {
            List<DealEntity> deals = em.createQuery("SELECT DISTINCT d FROM DealEntity d JOIN d.contactIds c"
                    + " WHERE c = :m ORDER BY d.id", DealEntity.class).setParameter("m", mergedId).getResultList();
            Instant now = DealsData.now();
            List<Long> changed = new ArrayList<>();
            for (DealEntity d : deals) {
                em.persist(new DealMergeMove(CrmEvents.CONTACT, mergedId, survivorId, d.getId(),
                        !d.getContactIds().contains(survivorId)));
                List<Long> ids = new ArrayList<>();
                for (Long id : d.getContactIds()) {
                    Long to = id == mergedId ? survivorId : id;
                    if (!ids.contains(to)) {
                        ids.add(to);
                    }
                }
                d.setContactIds(ids);
                d.setUpdatedAt(now);
                changed.add(d.getId());
            }
            return changed;
        });
    }

    /** Returns how many deals changed. */
    int companyMerged(long mergedId, long survivorId) {
        return tx.write(em -> {
            for (Long id : em.createQuery("SELECT d.id FROM DealEntity d WHERE d.companyId = :m", Long.class)
                    .setParameter("m", mergedId).getResultList()) {
                em.persist(new DealMergeMove(CrmEvents.COMPANY, mergedId, survivorId, id, true));
            }
            return em.createQuery("UPDATE DealEntity d SET d.companyId = :s, d.version = d.version + 1,"
                            + " d.updatedAt = :now WHERE d.companyId = :m")
                    .setParameter("s", survivorId).setParameter("m", mergedId).setParameter("now", DealsData.now())
                    .executeUpdate();
        });
    }

    /** Undoes a merge's re-pointing for the deals that still refer to the survivor; returns their ids. */
    List<Long> moveBack(boolean contact, long mergedId, long survivorId) {
        String kind = contact ? CrmEvents.CONTACT : CrmEvents.COMPANY;
        return tx.write(em -> {
            List<DealMergeMove> moves = em.createQuery("SELECT mv FROM DealMergeMove mv WHERE mv.kind = :k"
                            + " AND mv.mergedId = :m AND mv.survivorId = :s ORDER BY mv.dealId", DealMergeMove.class)
                    .setParameter("k", kind).setParameter("m", mergedId).setParameter("s", survivorId)
                    .getResultList();
            Instant now = DealsData.now();
            List<Long> changed = new ArrayList<>();
            for (DealMergeMove mv : moves) {
                DealEntity d = em.find(DealEntity.class, mv.dealId);
                if (d != null && back(d, mv, contact)) {
                    d.setUpdatedAt(now);
                    changed.add(d.getId());
                }
                em.remove(mv);
            }
            return changed;
        });
    }

    private static boolean back(DealEntity d, DealMergeMove mv, boolean contact) {
        if (!contact) {
            if (d.getCompanyId() == null || d.getCompanyId() != mv.survivorId) {
                return false;
            }
            d.setCompanyId(mv.mergedId);
            return true;
        }
        List<Long> ids = new ArrayList<>(d.getContactIds());
        int at = ids.indexOf(mv.survivorId);
        if (at < 0 || ids.contains(mv.mergedId)) {
            return false;
        }
        if (mv.survivorAdded) {
            ids.set(at, mv.mergedId);
        } else {
            ids.add(mv.mergedId);
        }
        d.setContactIds(ids);
        return true;
    }
}
