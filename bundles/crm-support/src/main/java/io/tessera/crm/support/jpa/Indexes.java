package io.tessera.crm.support.jpa;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.persistence.EntityManagerFactory;

/**
 * Indexes a bundle creates itself rather than through its mapping: EclipseLink's create-or-extend adds a table's new
 * columns but never a new index to an existing table, and its {@code @Index} cannot declare a descending column
 * (it writes the {@code DESC} after the index's name). Derby does not scan an index backwards, so a list sorted
 * newest first needs an index whose columns descend.
 */
public final class Indexes {
    /** An index: its table, its name, and its columns as {@code CREATE INDEX} takes them ("A, B DESC, ID DESC"). */
    public record Index(String table, String name, String columns) {
    }

    private Indexes() {
    }

    /** Creates those of the indexes that do not exist yet, in one transaction; returns how many it created. */
    public static int createMissing(EntityManagerFactory emf, List<Index> indexes) {
        return new Transactions(emf).write(em -> {
            try {
                return createMissing(em.unwrap(Connection.class), indexes);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create an index", e);
            }
        });
    }

    /**
     * Creates those of the indexes that do not exist yet on the connection, inside the caller's transaction (so that
     * a step that also drops an index leaves no moment without either); returns how many it created.
     */
    public static int createMissing(Connection c, List<Index> indexes) throws SQLException {
        int created = 0;
        try (Statement st = c.createStatement()) {
            DatabaseMetaData md = c.getMetaData();
            for (Index ix : indexes) {
                if (!exists(md, ix.table(), ix.name())) {
                    st.execute("CREATE INDEX " + ix.name() + " ON " + ix.table() + " (" + ix.columns() + ")");
                    created++;
                }
            }
        }
        return created;
    }

    /** Whether the table has an index of that name (PostgreSQL folds unquoted names to lower case). */
    public static boolean exists(DatabaseMetaData md, String table, String index) throws SQLException {
        for (String spelling : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = md.getIndexInfo(null, null, spelling, false, true)) {
                while (rs.next()) {
                    if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
