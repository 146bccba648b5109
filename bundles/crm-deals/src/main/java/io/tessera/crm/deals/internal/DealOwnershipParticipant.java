package io.tessera.crm.deals.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.owners.OwnershipParticipant;
import io.tessera.crm.support.jpa.Transactions;
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
 * Moves a departing user's open, live deals to a colleague (won, lost and archived deals keep their owner: they are
 * history). Record type {@value #TYPE}.
 */
@Component(service = OwnershipParticipant.class, property = "crm.record.type=" + DealOwnershipParticipant.TYPE)
public class DealOwnershipParticipant implements OwnershipParticipant {
    public static final String TYPE = "deals";
    private static final int CHUNK = 500;

    private final Transactions tx;
    private final EventAdmin events;

    @Activate
    public DealOwnershipParticipant(@Reference(target = "(osgi.unit.name=crm-deals)") EntityManagerFactory emf,
                                    @Reference EventAdmin events) {
        this.tx = new Transactions(emf);
        this.events = events;
    }

    @Override
    public Map<String, List<Long>> reassign(String fromUser, String toUser, String actor) {
        DealEvents queued = new DealEvents();
        List<Long> moved = tx.write(em -> {
            List<Long> ids = em.createQuery("SELECT d.id FROM DealEntity d WHERE d.owner = :from"
                            + " AND d.archived = false AND d.status = :open ORDER BY d.id", Long.class)
                    .setParameter("from", fromUser).setParameter("open", DealStatus.OPEN).getResultList();
            setOwner(em, ids, toUser);
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
        DealEvents queued = new DealEvents();
        tx.write(em -> {
            setOwner(em, ids, fromUser);
            queue(em, queued, ids, "system", null, fromUser);
            return null;
        });
        queued.sendTo(events);
    }

    private static void setOwner(EntityManager em, List<Long> ids, String owner) {
        Instant now = DealsData.now();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            em.createQuery("UPDATE DealEntity d SET d.owner = :owner, d.version = d.version + 1,"
                            + " d.updatedAt = :now WHERE d.id IN :ids")
                    .setParameter("owner", owner).setParameter("now", now).setParameter("ids", chunk)
                    .executeUpdate();
        }
    }

    private static void queue(EntityManager em, DealEvents queued, List<Long> ids, String actor, String from,
                              String to) {
        if (ids.isEmpty()) {
            return;
        }
        em.clear();
        List<DealEntity> deals = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            deals.addAll(em.createQuery("SELECT d FROM DealEntity d WHERE d.id IN :ids ORDER BY d.id",
                            DealEntity.class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK))).getResultList());
        }
        for (DealEntity d : deals) {
            String summary = from == null
                    ? "Deal '" + d.getTitle() + "' given back to " + to
                    : "Deal '" + d.getTitle() + "' reassigned from " + from + " to " + to;
            queued.add(CrmEvents.REASSIGNED, actor, d, summary, null);
        }
    }
}
