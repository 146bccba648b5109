package io.tessera.crm.support.jpa;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.persistence.EntityManagerFactory;

/**
 * Tables of rows that belong to one record of another table (a contact's phones, a timeline entry's links) and are
 * written only together with it, by the bundle that owns both: such rows are indexed by their owner's id and carry
 * no foreign key to it, declared in the mapping with {@code foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)}
 * and an index on the owner column. Derby checks a foreign key on every insert, probing the owner's primary key and
 * locking its row, and the records are archived, never deleted, so the key guarded nothing the code does not.
 * {@link #dropForeignKeys} brings a database an earlier version made (EclipseLink only ever extends a schema) to the
 * same shape.
 */
public final class OwnedRows {
    /** A table of owned rows: its name, the column holding the owner's id, and the index on that column. */
    public record Table(String name, String ownerColumn, String ownerIndex) {
    }

    private OwnedRows() {
    }

    /**
     * Drops the foreign keys from the tables' owner columns and creates the owner indexes that are missing, in one
     * transaction, so that no reader ever finds a table without an index on its owner column (Derby refuses to create
     * an index that duplicates a key's own, so the key goes first). Returns how many keys were dropped.
     */
    public static int dropForeignKeys(EntityManagerFactory emf, List<Table> tables) {
        return new Transactions(emf).write(em -> {
            Connection c = em.unwrap(Connection.class);
            int dropped = 0;
            try (Statement st = c.createStatement()) {
                DatabaseMetaData md = c.getMetaData();
                for (Table t : tables) {
                    List<String> keys = keysToOwner(md, t);
                    if (keys.isEmpty()) {
                        continue;
                    }
                    for (String key : keys) {
                        st.execute("ALTER TABLE " + t.name() + " DROP CONSTRAINT " + key);
                        dropped++;
                    }
                    Indexes.createMissing(c, List.of(new Indexes.Index(t.name(), t.ownerIndex(), t.ownerColumn())));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop a foreign key of a table of owned rows", e);
            }
            return dropped;
        });
    }

    private static List<String> keysToOwner(DatabaseMetaData md, Table t) throws SQLException {
        List<String> keys = new ArrayList<>();
        for (String table : spellings(t.name())) {
            try (ResultSet rs = md.getImportedKeys(null, null, table)) {
                while (rs.next()) {
                    if (t.ownerColumn().equalsIgnoreCase(rs.getString("FKCOLUMN_NAME"))) {
                        keys.add(rs.getString("FK_NAME"));
                    }
                }
            }
        }
        return keys;
    }

    /** PostgreSQL folds unquoted names to lower case. */
    private static List<String> spellings(String table) {
        return List.of(table, table.toLowerCase(Locale.ROOT));
    }
}
