package io.tessera.crm.contacts.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.support.jpa.JdbcSelect;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.junit.Test;

/** crm-support's {@link JdbcSelect} on a real entity manager, in and out of its transaction. */
public class JdbcSelectTest extends ContactsTestBase {
    private static final String NAME_OF = "SELECT ID, FIRST_NAME FROM CON_CONTACT WHERE ID IN (?, ?)";

    @Test
    public void outsideATransactionItReadsWhatIsCommittedAndLeavesNoTransactionOpen() {
        long ivan = contact("Ivan", "Petrov", List.of(), List.of());
        EntityManager em = emf.createEntityManager();
        try {
            List<Object[]> rows = JdbcSelect.rows(em, NAME_OF, List.of(ivan, -1L));
            assertEquals(1, rows.size());
            assertArrayEquals(new Object[]{ivan, "Ivan"}, rows.get(0));
            assertFalse(em.getTransaction().isActive());
            assertEquals("Ivan", em.find(ContactEntity.class, ivan).firstName);
        } finally {
            em.close();
        }
    }

    @Test
    public void insideATransactionItSeesTheTransactionsPendingChangesAndLeavesItOpen() {
        long ivan = contact("Ivan", "Petrov", List.of(), List.of());
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.find(ContactEntity.class, ivan).firstName = "Vanya";

            List<Object[]> rows = JdbcSelect.rows(em, NAME_OF, List.of(ivan, ivan));

            assertArrayEquals(new Object[]{ivan, "Vanya"}, rows.get(0));
            assertTrue(em.getTransaction().isActive());
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
        assertEquals("Ivan", contacts.get(Fixtures.ADMIN, ivan).firstName());
    }

    @Test
    public void eachRunsTheStatementPerValueInTheirOrder() {
        long ivan = contact("Ivan", "Petrov", List.of(), List.of());
        long olga = contact("Olga", "Ivanova", List.of(), List.of());
        EntityManager em = emf.createEntityManager();
        try {
            Map<Object, List<Object[]>> rows = JdbcSelect.each(em,
                    "SELECT FIRST_NAME, ARCHIVED FROM CON_CONTACT WHERE ID = ?", List.of(olga, -1L, ivan));

            assertEquals(List.of(olga, -1L, ivan), List.copyOf(rows.keySet()));
            assertEquals("Olga", rows.get(olga).get(0)[0]);
            assertFalse(JdbcSelect.bool(rows.get(olga).get(0)[1]));
            assertTrue(rows.get(-1L).isEmpty());
            assertEquals("Ivan", rows.get(ivan).get(0)[0]);
            assertFalse(em.getTransaction().isActive());
        } finally {
            em.close();
        }
    }
}
