package io.tessera.crm.support.jpa;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.eclipse.persistence.sessions.Session;

/**
 * Plain JDBC batch inserts on the connection of a running JPA transaction (so they commit or roll back with it),
 * grouped by statement: every row for one table goes out in one {@code executeBatch}, whatever order the rows were
 * added in. EclipseLink batches only consecutive identical statements, and it writes an entity's element-collection
 * rows right after the entity's own row, so a bulk create through {@code persist} sends its statements nearly one by
 * one; this is the bulk path for the import. Statements run in the order their SQL was first added (parents first).
 * <p>Rows written this way bypass EclipseLink's shared cache; that is safe for new rows only (nothing cached them).
 */
public final class BulkInsert implements AutoCloseable {
    private final Connection connection;
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    /**
     * The default time zone's calendar for timestamps: without one, Derby builds a new GregorianCalendar for every
     * timestamp bound (a few percent of an import's own time).
     */
    private final Calendar calendar = new GregorianCalendar();

    private static final class Batch {
        final PreparedStatement statement;
        final int[] nullTypes;
        int rows;

        Batch(PreparedStatement statement) throws SQLException {
            this.statement = statement;
            ParameterMetaData meta = statement.getParameterMetaData();
            this.nullTypes = new int[meta.getParameterCount()];
            for (int i = 0; i < nullTypes.length; i++) {
                nullTypes[i] = meta.getParameterType(i + 1);
            }
        }
    }

    /** @param em an entity manager with an active transaction */
    public BulkInsert(EntityManager em) {
        this(connectionOf(em));
    }

    /** @param connection a connection whose transaction commits (or rolls back) the rows; it stays open */
    public BulkInsert(Connection connection) {
        this.connection = connection;
    }

    private static Connection connectionOf(EntityManager em) {
        if (!em.getTransaction().isActive()) {
            throw new IllegalStateException("BulkInsert needs an active transaction");
        }
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("the persistence provider gave no JDBC connection");
        }
        return c;
    }

    /**
     * The next {@code count} ids of the entity's generator (the same sequence {@code persist} draws from), so rows
     * written here and rows written by JPA never collide.
     */
    public static long[] nextIds(EntityManager em, Class<?> entity, int count) {
        Session session = em.unwrap(Session.class);
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = ((Number) session.getNextSequenceNumberValue(entity)).longValue();
        }
        return ids;
    }

    /** Queues one row; {@code values} are bound in order ({@code null} as SQL NULL of the column's type). */
    public void add(String sql, Object... values) {
        try {
            Batch b = batches.get(sql);
            if (b == null) {
                b = new Batch(connection.prepareStatement(sql));
                batches.put(sql, b);
            }
            if (values.length != b.nullTypes.length) {
                throw new IllegalArgumentException(values.length + " values for " + b.nullTypes.length
                        + " parameters: " + sql);
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    b.statement.setNull(i + 1, b.nullTypes[i]);
                } else if (values[i] instanceof Timestamp t) {
                    b.statement.setTimestamp(i + 1, t, calendar);
                } else {
                    b.statement.setObject(i + 1, values[i]);
                }
            }
            b.statement.addBatch();
            b.rows++;
        } catch (SQLException e) {
            throw new PersistenceException("bulk insert failed: " + e.getMessage(), e);
        }
    }

    /** Sends every queued row, one batch per statement; the transaction commits them. */
    public void execute() {
        try {
            for (Batch b : batches.values()) {
                if (b.rows > 0) {
                    b.statement.executeBatch();
                    b.rows = 0;
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("bulk insert failed: " + e.getMessage(), e);
        }
    }

    /** Closes the statements (not the connection: it belongs to the transaction). */
    @Override
    public void close() {
        for (Batch b : batches.values()) {
            try {
                b.statement.close();
            } catch (SQLException ignored) {
                // closing a statement of a connection that stays open; nothing to recover
            }
        }
        batches.clear();
    }
}
