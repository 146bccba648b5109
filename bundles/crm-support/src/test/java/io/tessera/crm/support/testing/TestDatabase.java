package io.tessera.crm.support.testing;

import java.util.Map;
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
}
