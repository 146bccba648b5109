package io.tessera.crm.support.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A real EntityManagerFactory on a fresh in-memory Derby database, for unit tests. The persistence unit's
 * OSGi JNDI data source is replaced by a Derby one; everything else in persistence.xml is used as shipped.
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static EntityManagerFactory open(String unitName) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + unitName + "-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        return Persistence.createEntityManagerFactory(unitName, Map.of(
                "javax.persistence.nonJtaDataSource", ds,
                "eclipselink.logging.level", "WARNING"));
    }

    /**
     * Fails unless Derby's statement cache holds a {@code LIKE ? ESCAPE} and none of the given search values: a
     * statement sent with its values inlined shows them there, one sent with parameters is compiled once for all.
     */
    public static void assertSearchesWereBound(EntityManagerFactory emf, String... values) {
        List<String> cached = cachedStatements(emf);
        if (cached.stream().noneMatch(sql -> sql.contains("LIKE ? ESCAPE"))) {
            throw new AssertionError("no search with a bound LIKE in " + cached);
        }
        for (String value : values) {
            if (cached.stream().anyMatch(sql -> sql.contains(value))) {
                throw new AssertionError(value + " inlined in " + cached);
            }
        }
    }

    /**
     * How many foreign keys the database has. None is expected: EclipseLink's create-or-extend adds every key a
     * mapping declares again on every start and logs a warning with a stack trace when it is there already.
     */
    public static int foreignKeys(EntityManagerFactory emf) {
        var em = emf.createEntityManager();
        try {
            return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SYS.SYSCONSTRAINTS WHERE TYPE = 'F'")
                    .getSingleResult()).intValue();
        } finally {
            em.close();
        }
    }

    /** The names of the database's indexes that match a LIKE pattern. */
    @SuppressWarnings("unchecked")
    public static Set<String> indexes(EntityManagerFactory emf, String like) {
        var em = emf.createEntityManager();
        try {
            return Set.copyOf(em.createNativeQuery("SELECT CONGLOMERATENAME FROM SYS.SYSCONGLOMERATES"
                    + " WHERE ISINDEX = TRUE AND CONGLOMERATENAME LIKE ?").setParameter(1, like).getResultList());
        } finally {
            em.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> cachedStatements(EntityManagerFactory emf) {
        var em = emf.createEntityManager();
        try {
            return ((List<Object>) em.createNativeQuery("SELECT SQL_TEXT FROM SYSCS_DIAG.STATEMENT_CACHE")
                    .getResultList()).stream().map(String::valueOf).toList();
        } finally {
            em.close();
        }
    }
}
