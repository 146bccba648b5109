package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.owners.OwnershipParticipant;
import io.tessera.crm.support.jpa.Transactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Moves every live (not archived) company and contact of one user to another in one local transaction, and gives
 * them back on {@link #revert}. One REASSIGNED event per moved record, after the commit.
 */
@Component(service = OwnershipParticipant.class)
public class ContactsOwnershipParticipant implements OwnershipParticipant {
    static final String COMPANIES = "companies";
    static final String CONTACTS = "contacts";
    private static final int CHUNK = 500;

    private final Transactions tx;
    private final Events events;
    private final Clock clock;

    @Activate
    public ContactsOwnershipParticipant(
            @Reference(target = "(osgi.unit.name=crm-contacts)") EntityManagerFactory emf,
            @Reference EventAdmin events) {
        this(emf, events, Clock.systemUTC());
    }

    ContactsOwnershipParticipant(EntityManagerFactory emf, EventAdmin events, Clock clock) {
        this.tx = new Transactions(emf);
        this.events = new Events(events);
        this.clock = clock;
    }

    /** What an event needs to know about a moved record. */
    private record Moved(long id, String name, List<Long> companyIds) {
    }

    @Override
    public Map<String, List<Long>> reassign(String fromUser, String toUser, String actor) {
        List<List<Moved>> moved = tx.write(em -> {
            List<Moved> companies = companies(em.createQuery(
                    "SELECT c FROM CompanyEntity c WHERE c.owner = :from AND c.archived = false ORDER BY c.id",
                    CompanyEntity.class).setParameter("from", fromUser).getResultList());
            List<Moved> contacts = contacts(em.createQuery(
                    "SELECT c FROM ContactEntity c WHERE c.owner = :from AND c.archived = false ORDER BY c.id",
                    ContactEntity.class).setParameter("from", fromUser).getResultList());
            setOwner(em, "CompanyEntity", ids(companies), toUser);
            setOwner(em, "ContactEntity", ids(contacts), toUser);
            return List.of(companies, contacts);
        });
        String how = " reassigned from " + fromUser + " to " + toUser;
        announce(moved, actor, toUser, how);
        Map<String, List<Long>> result = new LinkedHashMap<>();
        result.put(COMPANIES, ids(moved.get(0)));
        result.put(CONTACTS, ids(moved.get(1)));
        return result;
    }

    @Override
    public void revert(Map<String, List<Long>> moved, String fromUser) {
        List<Long> companyIds = moved == null ? List.of() : moved.getOrDefault(COMPANIES, List.of());
        List<Long> contactIds = moved == null ? List.of() : moved.getOrDefault(CONTACTS, List.of());
        if (companyIds.isEmpty() && contactIds.isEmpty()) {
            return;
        }
        List<List<Moved>> back = tx.write(em -> {
            List<Moved> companies = new ArrayList<>();
            for (List<Long> chunk : chunks(companyIds)) {
                companies.addAll(companies(em.createQuery(
                        "SELECT c FROM CompanyEntity c WHERE c.id IN :ids ORDER BY c.id", CompanyEntity.class)
                        .setParameter("ids", chunk).getResultList()));
            }
            List<Moved> contacts = new ArrayList<>();
            for (List<Long> chunk : chunks(contactIds)) {
                contacts.addAll(contacts(em.createQuery(
                        "SELECT c FROM ContactEntity c WHERE c.id IN :ids ORDER BY c.id", ContactEntity.class)
                        .setParameter("ids", chunk).getResultList()));
            }
            setOwner(em, "CompanyEntity", ids(companies), fromUser);
            setOwner(em, "ContactEntity", ids(contacts), fromUser);
            return List.of(companies, contacts);
        });
        announce(back, "system", fromUser, " given back to " + fromUser);
    }

    private static List<Moved> companies(List<CompanyEntity> rows) {
        List<Moved> out = new ArrayList<>();
        for (CompanyEntity c : rows) {
            out.add(new Moved(c.id, c.name, List.of(c.id)));
        }
        return out;
    }

    private static List<Moved> contacts(List<ContactEntity> rows) {
        List<Moved> out = new ArrayList<>();
        for (ContactEntity c : rows) {
            out.add(new Moved(c.id, Mapping.displayName(c.firstName, c.lastName), List.copyOf(c.companyIds)));
        }
        return out;
    }

    private void setOwner(EntityManager em, String entity, List<Long> ids, String owner) {
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        for (List<Long> chunk : chunks(ids)) {
            em.createQuery("UPDATE " + entity + " r SET r.owner = :owner, r.version = r.version + 1,"
                            + " r.updatedAt = :now WHERE r.id IN :ids")
                    .setParameter("owner", owner).setParameter("now", now).setParameter("ids", chunk)
                    .executeUpdate();
        }
    }

    private void announce(List<List<Moved>> moved, String actor, String owner, String how) {
        for (Moved m : moved.get(0)) {
            events.send(CompanyServiceImpl.ENTITY, CrmEvents.REASSIGNED, m.id(), actor, owner,
                    "Company '" + m.name() + "'" + how, m.companyIds(), List.of());
        }
        for (Moved m : moved.get(1)) {
            events.send(ContactServiceImpl.ENTITY, CrmEvents.REASSIGNED, m.id(), actor, owner,
                    "Contact '" + m.name() + "'" + how, m.companyIds(), List.of(m.id()));
        }
    }

    private static List<Long> ids(List<Moved> moved) {
        return moved.stream().map(Moved::id).toList();
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }
}
