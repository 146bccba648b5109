package io.tessera.crm.deals.internal;

import io.tessera.crm.api.CrmEvents;
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
 * that one link. One local transaction; the deals' versions go up. A failure is logged, never thrown at the sender.
 */
@Component(service = EventHandler.class, property = {
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.CONTACT + "/" + CrmEvents.MERGED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_PREFIX + CrmEvents.COMPANY + "/" + CrmEvents.MERGED})
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
            Object merged = event.getProperty(CrmEvents.ID);
            Object survivor = event.getProperty(CrmEvents.SURVIVOR_ID);
            if (!(merged instanceof Long m) || !(survivor instanceof Long s) || m.equals(s)) {
                LOG.warn("ignoring {} without {} and {}", event.getTopic(), CrmEvents.ID, CrmEvents.SURVIVOR_ID);
                return;
            }
            if (event.getTopic().endsWith("/" + CrmEvents.CONTACT + "/" + CrmEvents.MERGED)) {
                contactMerged(m, s);
            } else {
                companyMerged(m, s);
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
        return tx.write(em -> em.createQuery("UPDATE DealEntity d SET d.companyId = :s, d.version = d.version + 1,"
                        + " d.updatedAt = :now WHERE d.companyId = :m")
                .setParameter("s", survivorId).setParameter("m", mergedId).setParameter("now", DealsData.now())
                .executeUpdate());
    }
}
