package io.tessera.crm.contacts.internal;

import io.tessera.crm.support.jpa.Transactions;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

/**
 * Fills the duplicate match keys of rows written before the keys existed (the columns are added empty to existing
 * tables). Works in chunks, touching only rows without a key; a database written by this version has none.
 */
final class KeyBackfill {
    private static final int CHUNK = 1000;

    private KeyBackfill() {
    }

    /** Returns how many rows got keys. */
    static int run(EntityManagerFactory emf) {
        Transactions tx = new Transactions(emf);
        int done = 0;
        done += contacts(tx);
        done += companies(tx);
        done += phones(tx, "CON_CONTACT_PHONE", "CONTACT_ID");
        done += phones(tx, "CON_COMPANY_PHONE", "COMPANY_ID");
        if (done > 0) {
            emf.getCache().evictAll();
        }
        return done;
    }

    private static int contacts(Transactions tx) {
        int done = 0;
        long last = Long.MIN_VALUE;
        while (true) {
            long after = last;
            List<Object[]> rows = tx.read(em -> em.createQuery("SELECT c.id, c.firstName, c.lastName FROM ContactEntity c"
                            + " WHERE c.nameKey IS NULL AND c.id > :after ORDER BY c.id", Object[].class)
                    .setParameter("after", after).setMaxResults(CHUNK).getResultList());
            if (rows.isEmpty()) {
                return done;
            }
            tx.write(em -> {
                for (Object[] row : rows) {
                    update(em, "UPDATE ContactEntity c SET c.nameKey = :k WHERE c.id = :id", (Long) row[0],
                            MatchKeys.personName((String) row[1], (String) row[2]));
                }
                return null;
            });
            done += rows.size();
            last = (Long) rows.get(rows.size() - 1)[0];
        }
    }

    private static int companies(Transactions tx) {
        int done = 0;
        long last = Long.MIN_VALUE;
        while (true) {
            long after = last;
            List<Object[]> rows = tx.read(em -> em.createQuery("SELECT c.id, c.name, c.taxId FROM CompanyEntity c"
                            + " WHERE c.nameKey IS NULL AND c.id > :after ORDER BY c.id", Object[].class)
                    .setParameter("after", after).setMaxResults(CHUNK).getResultList());
            if (rows.isEmpty()) {
                return done;
            }
            tx.write(em -> {
                for (Object[] row : rows) {
                    em.createQuery("UPDATE CompanyEntity c SET c.nameKey = :k, c.taxKey = :t WHERE c.id = :id")
                            .setParameter("k", MatchKeys.companyName((String) row[1]))
                            .setParameter("t", MatchKeys.taxId((String) row[2]))
                            .setParameter("id", row[0]).executeUpdate();
                }
                return null;
            });
            done += rows.size();
            last = (Long) rows.get(rows.size() - 1)[0];
        }
    }

    private static void update(EntityManager em, String jpql, long id, String key) {
        em.createQuery(jpql).setParameter("k", key).setParameter("id", id).executeUpdate();
    }

    /** Phone rows always get a key ("" for short numbers), so each pass shrinks what is left. */
    @SuppressWarnings("unchecked")
    private static int phones(Transactions tx, String table, String ownerColumn) {
        int done = 0;
        while (true) {
            List<Object[]> rows = tx.read(em -> em.createNativeQuery("SELECT " + ownerColumn + ", POS, DIGITS FROM "
                    + table + " WHERE MATCH_KEY IS NULL").setMaxResults(CHUNK).getResultList());
            if (rows.isEmpty()) {
                return done;
            }
            tx.write(em -> {
                for (Object[] row : rows) {
                    em.createNativeQuery("UPDATE " + table + " SET MATCH_KEY = ? WHERE " + ownerColumn
                                    + " = ? AND POS = ?")
                            .setParameter(1, MatchKeys.phoneFromDigits((String) row[2]))
                            .setParameter(2, row[0]).setParameter(3, row[1]).executeUpdate();
                }
                return null;
            });
            done += rows.size();
        }
    }
}
