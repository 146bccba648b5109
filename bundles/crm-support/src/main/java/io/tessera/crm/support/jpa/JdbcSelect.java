package io.tessera.crm.support.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;

/**
 * SELECTs sent over plain JDBC on the entity manager's connection, for reads EclipseLink makes costly: an IN list of
 * hundreds of keys (EclipseLink puts a native query's positional parameters into a record that it searches by name
 * each time it adds one, so 500 parameters cost 125,000 name comparisons before the statement is sent: a quarter of
 * the import's own time when every row of a file matches a stored card), or one small query repeated per id.
 * <p>Inside the entity manager's transaction they see what that transaction wrote (pending JPA changes are flushed
 * first); outside one, they run in a transaction of their own that is rolled back (they write nothing; as any JPA
 * rollback, that detaches the entity manager's entities).
 */
public final class JdbcSelect {
    private JdbcSelect() {
    }

    /** What is done with the connection. */
    private interface Work<R> {
        R on(Connection connection) throws SQLException;
    }

    /** The rows of {@code sql} with the parameters bound in order, each row as its columns' JDBC values. */
    public static List<Object[]> rows(EntityManager em, String sql, List<?> parameters) {
        return onConnection(em, sql, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                return rows(statement);
            }
        });
    }

    /**
     * For each value (in their order), the rows of {@code sql}, a statement with one parameter, with that value bound:
     * the statement is prepared once and run per value.
     */
    public static Map<Object, List<Object[]>> each(EntityManager em, String sql, Collection<?> values) {
        return onConnection(em, sql, c -> {
            Map<Object, List<Object[]>> out = new LinkedHashMap<>();
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (Object value : values) {
                    statement.setObject(1, value);
                    out.put(value, rows(statement));
                }
            }
            return out;
        });
    }

    /** A boolean column's value: SMALLINT on Derby (as EclipseLink maps a boolean there), BOOLEAN elsewhere. */
    public static boolean bool(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private static <R> R onConnection(EntityManager em, String sql, Work<R> work) {
        EntityTransaction tx = em.getTransaction();
        boolean own = !tx.isActive();
        if (own) {
            tx.begin();
        } else {
            em.flush();
        }
        try {
            return work.on(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new PersistenceException("query failed: " + e.getMessage() + ": " + sql, e);
        } finally {
            if (own && tx.isActive()) {
                tx.rollback();
            }
        }
    }

    private static List<Object[]> rows(PreparedStatement statement) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = rs.getObject(c + 1);
                }
                out.add(row);
            }
        }
        return out;
    }
}
