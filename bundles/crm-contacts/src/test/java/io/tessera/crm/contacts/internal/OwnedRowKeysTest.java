package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;
import org.junit.Test;

public class OwnedRowKeysTest extends ContactsTestBase {
    private static final List<String> CONTACT_ROWS = List.of("CON_CONTACT_PHONE", "CON_CONTACT_EMAIL",
            "CON_CONTACT_TAG", "CON_CONTACT_FIELD", "CON_CONTACT_COMPANY");
    private static final List<String> COMPANY_ROWS = List.of("CON_COMPANY_PHONE", "CON_COMPANY_EMAIL",
            "CON_COMPANY_TAG", "CON_COMPANY_FIELD");

    @Test
    public void aNewDatabaseIndexesOwnedRowsByTheirOwnerWithoutForeignKeys() {
        assertEquals(0, foreignKeys());
        assertEquals(Set.copyOf(ownerIndexes()), Set.copyOf(existingOwnerIndexes()));
        assertEquals(0, OwnedRowKeys.drop(emf));
    }

    @Test
    public void theForeignKeysAnEarlierVersionMadeAreReplacedByIndexesWithTheRowsKept() {
        long company = companies.create(ADMIN, new CompanyInput("Ромашка", null, null, null, null,
                List.of("+74951234567"), List.of("info@romashka.ru"), null, Set.of("b2b"), null, null)).id();
        long id = contacts.create(ADMIN, new ContactInput("Иван", "Петров", null, List.of("+79123456789"),
                List.of("ivan@example.ru"), null, null, Set.of("vip"), null, null, null, List.of(company))).id();
        ContactDto before = contacts.get(ADMIN, id);
        CompanyDto companyBefore = companies.get(ADMIN, company);
        // the schema of an earlier version: a foreign key to the owner on every owned table, no index of ours
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            for (String table : CONTACT_ROWS) {
                em.createNativeQuery("DROP INDEX " + table + "_OWNER_IX").executeUpdate();
                em.createNativeQuery("ALTER TABLE " + table + " ADD CONSTRAINT " + table.replace("_", "")
                        + "FK FOREIGN KEY (CONTACT_ID) REFERENCES CON_CONTACT (ID)").executeUpdate();
            }
            for (String table : COMPANY_ROWS) {
                em.createNativeQuery("ALTER TABLE " + table + " ADD CONSTRAINT " + table.replace("_", "")
                        + "FK FOREIGN KEY (COMPANY_ID) REFERENCES CON_COMPANY (ID)").executeUpdate();
            }
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        assertEquals(9, foreignKeys());

        assertEquals(9, OwnedRowKeys.drop(emf));

        assertEquals(0, foreignKeys());
        assertEquals(Set.copyOf(ownerIndexes()), Set.copyOf(existingOwnerIndexes()));
        assertEquals(before, contacts.get(ADMIN, id));
        assertEquals(companyBefore, companies.get(ADMIN, company));
        assertEquals(0, OwnedRowKeys.drop(emf));
    }

    private static List<String> ownerIndexes() {
        return java.util.stream.Stream.concat(CONTACT_ROWS.stream(), COMPANY_ROWS.stream())
                .map(t -> t + "_OWNER_IX").toList();
    }

    private int foreignKeys() {
        EntityManager em = emf.createEntityManager();
        try {
            return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SYS.SYSCONSTRAINTS k"
                    + " JOIN SYS.SYSTABLES t ON t.TABLEID = k.TABLEID WHERE k.TYPE = 'F'"
                    + " AND (t.TABLENAME LIKE 'CON_CONTACT_%' OR t.TABLENAME LIKE 'CON_COMPANY_%')")
                    .getSingleResult()).intValue();
        } finally {
            em.close();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> existingOwnerIndexes() {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createNativeQuery("SELECT CONGLOMERATENAME FROM SYS.SYSCONGLOMERATES"
                    + " WHERE ISINDEX = TRUE AND CONGLOMERATENAME LIKE '%_OWNER_IX'"
                    + " AND CONGLOMERATENAME NOT IN ('CON_CONTACT_OWNER_IX', 'CON_COMPANY_OWNER_IX')").getResultList();
        } finally {
            em.close();
        }
    }
}
