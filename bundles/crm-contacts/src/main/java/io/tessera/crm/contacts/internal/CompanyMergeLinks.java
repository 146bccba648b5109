package io.tessera.crm.contacts.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;

/**
 * The contacts of a company merge: linked to the survivor at the merge (and remembered on the merge record), linked
 * back when the merged company is restored.
 */
final class CompanyMergeLinks {
    private CompanyMergeLinks() {
    }

    /**
     * Every contact linked to the merged company (live or archived) is linked to the survivor instead, in the same
     * place in its list; a contact already linked to both keeps the one link. Only these contacts are read.
     */
    static List<MovedContactEmbeddable> repoint(EntityManager em, long mergedId, long survivorId, Timestamp now) {
        List<ContactEntity> linked = em.createQuery("SELECT DISTINCT c FROM ContactEntity c JOIN c.companyIds k"
                + " WHERE k = :m ORDER BY c.id", ContactEntity.class).setParameter("m", mergedId).getResultList();
        List<MovedContactEmbeddable> moved = new ArrayList<>();
        for (ContactEntity c : linked) {
            moved.add(new MovedContactEmbeddable(c.id, !c.companyIds.contains(survivorId)));
            List<Long> links = new ArrayList<>();
            for (Long id : c.companyIds) {
                Long to = id == mergedId ? survivorId : id;
                if (!links.contains(to)) {
                    links.add(to);
                }
            }
            c.companyIds = links;
            c.updatedAt = now;
        }
        return moved;
    }

    /**
     * A merged company restored: the contacts its merge re-linked to the survivor, and still linked to it, are
     * linked to it again (a contact linked to the survivor before the merge keeps that link too).
     */
    static void restore(EntityManager em, long mergedId, long survivorId, Timestamp now) {
        for (MergeEntity merge : em.createQuery("SELECT m FROM MergeEntity m WHERE m.kind = :k AND m.mergedId = :m"
                        + " AND m.survivorId = :s", MergeEntity.class).setParameter("k", CompanyServiceImpl.ENTITY)
                .setParameter("m", mergedId).setParameter("s", survivorId).getResultList()) {
            for (MovedContactEmbeddable mv : merge.movedContacts) {
                ContactEntity c = em.find(ContactEntity.class, mv.contactId);
                int at = c == null ? -1 : c.companyIds.indexOf(survivorId);
                if (at < 0 || c.companyIds.contains(mergedId)) {
                    continue;
                }
                List<Long> links = new ArrayList<>(c.companyIds);
                if (mv.survivorAdded) {
                    links.set(at, mergedId);
                } else {
                    links.add(mergedId);
                }
                c.companyIds = links;
                c.updatedAt = now;
            }
            merge.movedContacts = new ArrayList<>();
        }
    }
}
