package io.tessera.crm.support.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;

/**
 * A SELECT with many parameters (an IN list of hundreds of keys), sent over plain JDBC on the entity manager's
 * connection. EclipseLink puts a native query's positional parameters into a record that it searches by name each
 * time it adds one, so a query with 500 parameters costs 125,000 name comparisons before it is sent: a quarter of
 * the import's own time when every row of a file matches a stored card.
 */
public final class JdbcSelect {
    private JdbcSelect() {
    }

    /**
     * The rows of {@code sql} with the parameters bound in order, each row as its columns' JDBC values. Inside the
     * entity manager's transaction it sees what that transaction wrote (pending JPA changes are flushed first);
     * outside one, it runs in a transaction of its own that it rolls back (it writes nothing; as any JPA rollback,
     * that detaches the entity manager's entities).
     */
    public static List<Object[]> rows(EntityManager em, String sql, List<?> parameters) {
        EntityTransaction tx = em.getTransaction();
        boolean own = !tx.isActive();
        if (own) {
            tx.begin();
        } else {
            em.flush();
        }
        try {
            Connection connection = em.unwrap(Connection.class);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                return rows(statement);
            }
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
