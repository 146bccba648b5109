package io.tessera.crm.importer.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For {@link ImportBenchmark}: the floor a database sets. Copies the tables an import of contacts fills (columns,
 * primary key, indexes and foreign keys, read from the database's own metadata) as RAW_* tables, reads back the rows
 * the import stored, and inserts exactly those rows again with plain JDBC batches of 1000, one commit per batch.
 */
final class SameSchemaBaseline {
    /** Parents first, as the foreign keys need. */
    static final List<String> TABLES = List.of("CON_CONTACT", "CON_CONTACT_PHONE", "CON_CONTACT_EMAIL",
            "CON_CONTACT_TAG", "CON_CONTACT_FIELD", "CON_CONTACT_COMPANY");

    private SameSchemaBaseline() {
    }

    /**
     * Copies the rows of the contacts with ids above {@code afterId} (those of the measured import). Returns the
     * seconds the inserts took and the number of rows inserted (over all tables).
     */
    static double[] run(Connection c, long afterId) throws SQLException {
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        Map<String, Integer> widths = new LinkedHashMap<>();
        try (Statement st = c.createStatement()) {
            for (String t : TABLES) {
                List<Object[]> list = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + t + " WHERE "
                        + (t.equals("CON_CONTACT") ? "ID" : "CONTACT_ID") + " > " + afterId)) {
                    ResultSetMetaData md = rs.getMetaData();
                    widths.put(t, md.getColumnCount());
                    while (rs.next()) {
                        Object[] row = new Object[md.getColumnCount()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        list.add(row);
                    }
                }
                rows.put(t, list);
                copySchema(c, st, t);
            }
        }
        c.setAutoCommit(false);
        long rowCount = 0;
        long t0 = System.nanoTime();
        for (String t : TABLES) {
            String marks = String.join(", ", java.util.Collections.nCopies(widths.get(t), "?"));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO RAW_" + t + " VALUES (" + marks + ")")) {
                int n = 0;
                for (Object[] row : rows.get(t)) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
                rowCount += n;
            }
        }
        return new double[]{(System.nanoTime() - t0) / 1e9, rowCount};
    }

    private static void copySchema(Connection c, Statement st, String table) throws SQLException {
        st.execute("CREATE TABLE RAW_" + table + " AS SELECT * FROM " + table + " WITH NO DATA");
        DatabaseMetaData md = c.getMetaData();
        List<String> pk = new ArrayList<>();
        try (ResultSet rs = md.getPrimaryKeys(null, null, table)) {
            while (rs.next()) {
                pk.add(rs.getString("COLUMN_NAME"));
            }
        }
        if (!pk.isEmpty()) {
            st.execute("ALTER TABLE RAW_" + table + " ADD PRIMARY KEY (" + String.join(", ", pk) + ")");
        }
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (ResultSet rs = md.getIndexInfo(null, null, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name.startsWith("SQL")) {
                    continue; // backs a primary or foreign key: the constraints below make their own
                }
                indexes.computeIfAbsent(name, k -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        for (Map.Entry<String, List<String>> ix : indexes.entrySet()) {
            st.execute("CREATE " + (unique.get(ix.getKey()) ? "UNIQUE " : "") + "INDEX RAW_" + ix.getKey()
                    + " ON RAW_" + table + " (" + String.join(", ", ix.getValue()) + ")");
        }
        try (ResultSet rs = md.getImportedKeys(null, null, table)) {
            while (rs.next()) {
                st.execute("ALTER TABLE RAW_" + table + " ADD FOREIGN KEY (" + rs.getString("FKCOLUMN_NAME")
                        + ") REFERENCES RAW_" + rs.getString("PKTABLE_NAME") + " (" + rs.getString("PKCOLUMN_NAME")
                        + ")");
            }
        }
    }
}
