package io.tessera.crm.support.jpa;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import javax.persistence.PersistenceException;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class BulkInsertTest {
    private static final String PARENT = "INSERT INTO PARENT (ID, NAME, BORN, NOTES) VALUES (?, ?, ?, ?)";
    private static final String CHILD = "insert into CHILD (PARENT_ID, POS, LABEL) values (?, ?, ?)";

    private Connection connection;

    @Before
    public void openDatabase() throws SQLException {
        connection = DriverManager.getConnection("jdbc:derby:memory:bulk-" + UUID.randomUUID() + ";create=true");
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE PARENT (ID BIGINT PRIMARY KEY, NAME VARCHAR(100) NOT NULL, BORN DATE, NOTES CLOB)");
            s.execute("CREATE TABLE CHILD (PARENT_ID BIGINT NOT NULL REFERENCES PARENT (ID), POS INTEGER NOT NULL, "
                    + "LABEL VARCHAR(100))");
        }
        connection.commit();
    }

    @After
    public void closeDatabase() throws SQLException {
        connection.rollback();
        connection.close();
    }

    @Test
    public void everyRowArrivesWithItsValuesWhateverTheCountAndTheOrderTheyWereAddedIn() throws SQLException {
        // children are added before and between parents: the parents' statement still runs first
        int parents = 123;
        try (BulkInsert insert = new BulkInsert(connection)) {
            for (int i = 0; i < parents; i++) {
                if (i > 0) {
                    insert.add(CHILD, (long) i - 1, 1, "late " + (i - 1));
                }
                insert.add(PARENT, (long) i, "name " + i, i % 3 == 0 ? null : Date.valueOf("2000-01-01"),
                        i % 2 == 0 ? null : "notes " + i);
                insert.add(CHILD, (long) i, 0, i % 5 == 0 ? null : "label " + i);
            }
            insert.execute();
        }
        connection.commit();

        List<String> stored = query("SELECT ID, NAME, BORN, NOTES FROM PARENT ORDER BY ID");
        assertEquals(parents, stored.size());
        for (int i = 0; i < parents; i++) {
            assertEquals(i + "|name " + i + "|" + (i % 3 == 0 ? null : "2000-01-01") + "|"
                    + (i % 2 == 0 ? null : "notes " + i), stored.get(i));
        }
        List<String> children = query("SELECT PARENT_ID, POS, LABEL FROM CHILD ORDER BY PARENT_ID, POS");
        assertEquals(2 * parents - 1, children.size());
        assertEquals("0|0|null", children.get(0));
        assertEquals("0|1|late 0", children.get(1));
        assertEquals("1|0|label 1", children.get(2));
        assertEquals((parents - 1) + "|0|label " + (parents - 1), children.get(children.size() - 1));
    }

    @Test
    public void timestampsBoundWithTheSharedCalendarReadBackAsTheyWere() throws SQLException {
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin")); // a zone with summer time: 2026-03-29 changes
        try {
            roundTripTimestamps();
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    private void roundTripTimestamps() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE STAMPED (ID BIGINT PRIMARY KEY, STAMP TIMESTAMP)");
        }
        List<Timestamp> stamps = List.of(Timestamp.valueOf("2026-01-15 08:30:00.123456789"),
                Timestamp.valueOf("2026-07-15 23:59:59.5"), Timestamp.from(Instant.parse("2026-03-29T01:30:00Z")),
                Timestamp.from(Instant.EPOCH));
        try (BulkInsert insert = new BulkInsert(connection)) {
            for (int i = 0; i < stamps.size(); i++) {
                insert.add("INSERT INTO STAMPED (ID, STAMP) VALUES (?, ?)", (long) i, stamps.get(i));
            }
            insert.execute();
        }
        List<Timestamp> stored = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT STAMP FROM STAMPED ORDER BY ID")) {
            while (rs.next()) {
                stored.add(rs.getTimestamp(1));
            }
        }
        assertEquals(stamps, stored);
    }

    @Test
    public void rowsAddedAfterAnExecuteGoOutWithTheNextOneOnly() throws SQLException {
        try (BulkInsert insert = new BulkInsert(connection)) {
            for (long i = 0; i < 60; i++) {
                insert.add(PARENT, i, "first", null, null);
            }
            insert.execute();
            insert.add(PARENT, 60L, "second", null, null);
            insert.execute();
            insert.execute();
        }
        assertEquals(List.of("first|60", "second|1"), query("SELECT NAME, COUNT(*) FROM PARENT GROUP BY NAME"));
    }

    @Test
    public void aRowTheDatabaseRefusesFailsTheExecuteAndNothingOfItsTableIsLeftOnceTheTransactionRollsBack()
            throws SQLException {
        try (BulkInsert insert = new BulkInsert(connection)) {
            for (long i = 0; i < 70; i++) {
                insert.add(PARENT, i, i == 55 ? null : "name", null, null);
            }
            PersistenceException refused = assertThrows(PersistenceException.class, insert::execute);
            assertTrue(refused.getMessage(), refused.getMessage().startsWith("bulk insert failed"));
        }
        connection.rollback();
        assertEquals(List.of("0"), query("SELECT COUNT(*) FROM PARENT"));
    }

    @Test
    public void aWrongNumberOfValuesIsRefusedWhenTheRowIsAdded() {
        try (BulkInsert insert = new BulkInsert(connection)) {
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                    () -> insert.add(CHILD, 1L, 0));
            assertEquals("2 values for 3 parameters: " + CHILD, count.getMessage());
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c > 1 ? "|" : "").append(rs.getString(c));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
