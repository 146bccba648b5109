package io.tessera.crm.contacts.internal;

import io.tessera.crm.support.jpa.Transactions;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.persistence.EntityManagerFactory;

/**
 * Drops indexes an earlier version created and nothing reads any more (the schema is only ever extended by
 * EclipseLink): each costs every insert into its table. {@code CON_CONTACT_NAME_KEY_IX}: similar names are found
 * through the company's contacts ({@link MatchQueries#similarNames}), never by the name key.
 */
final class RetiredIndexes {
    private record Retired(String table, String index) {
    }

    private static final List<Retired> RETIRED = List.of(new Retired("CON_CONTACT", "CON_CONTACT_NAME_KEY_IX"));

    private RetiredIndexes() {
    }

    /** Returns how many were dropped. */
    static int drop(EntityManagerFactory emf) {
        return new Transactions(emf).write(em -> {
            Connection c = em.unwrap(Connection.class);
            int dropped = 0;
            try (Statement st = c.createStatement()) {
                for (Retired r : RETIRED) {
                    if (exists(c.getMetaData(), r)) {
                        st.execute("DROP INDEX " + r.index());
                        dropped++;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop a retired index", e);
            }
            return dropped;
        });
    }

    private static boolean exists(DatabaseMetaData md, Retired r) throws SQLException {
        for (String table : List.of(r.table(), r.table().toLowerCase(Locale.ROOT))) { // PostgreSQL folds to lower case
            try (ResultSet rs = md.getIndexInfo(null, null, table, false, true)) {
                while (rs.next()) {
                    if (r.index().equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
