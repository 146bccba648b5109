package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.MergeRecord;
import io.tessera.crm.support.testing.TestDatabase;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;
import org.junit.Test;

public class OwnedRowKeysTest extends ContactsTestBase {
    private static final List<String> CONTACT_ROWS = List.of("CON_CONTACT_PHONE", "CON_CONTACT_EMAIL",
            "CON_CONTACT_TAG", "CON_CONTACT_FIELD", "CON_CONTACT_COMPANY");
    private static final List<String> COMPANY_ROWS = List.of("CON_COMPANY_PHONE", "CON_COMPANY_EMAIL",
            "CON_COMPANY_TAG", "CON_COMPANY_FIELD");
    private static final List<String> MERGE_ROWS = List.of("CON_MERGE_CONFLICT", "CON_MERGE_ADDED",
            "CON_MERGE_MOVED_CONTACT");

    @Test
    public void aNewDatabaseIndexesOwnedRowsByTheirOwnerAndHasNoForeignKeys() {
        assertEquals(0, TestDatabase.foreignKeys(emf));
        assertEquals(Set.copyOf(ownerIndexes()), existingOwnerIndexes());
        assertEquals(0, OwnedRowKeys.drop(emf));
    }

    @Test
    public void theForeignKeysAnEarlierVersionMadeAreReplacedByIndexesWithTheRowsKept() {
        long company = companies.create(ADMIN, new CompanyInput("Ромашка", null, null, null, null,
                List.of("+74951234567"), List.of("info@romashka.ru"), null, Set.of("b2b"), null, null)).id();
        long id = contacts.create(ADMIN, new ContactInput("Иван", "Петров", null, List.of("+79123456789"),
                List.of("ivan@example.ru"), null, null, Set.of("vip"), null, null, null, List.of(company))).id();
        long twin = contacts.create(ADMIN, new ContactInput("Иван", "Петров", "Директор", null,
                List.of("ivan@example.ru"), null, null, Set.of("partner"), null, null, null, null)).id();
        duplicates.mergeContacts(ADMIN, id, twin);
        ContactDto before = contacts.get(ADMIN, id);
        CompanyDto companyBefore = companies.get(ADMIN, company);
        List<MergeRecord> historyBefore = duplicates.contactMergeHistory(ADMIN, id);
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
            for (String table : MERGE_ROWS) {
                em.createNativeQuery("DROP INDEX " + table + "_OWNER_IX").executeUpdate();
                em.createNativeQuery("ALTER TABLE " + table + " ADD CONSTRAINT " + table.replace("_", "")
                        + "FK FOREIGN KEY (MERGE_ID) REFERENCES CON_MERGE (ID)").executeUpdate();
            }
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        assertEquals(12, TestDatabase.foreignKeys(emf));

        assertEquals(12, OwnedRowKeys.drop(emf));

        assertEquals(0, TestDatabase.foreignKeys(emf));
        assertEquals(Set.copyOf(ownerIndexes()), existingOwnerIndexes());
        assertEquals(before, contacts.get(ADMIN, id));
        assertEquals(companyBefore, companies.get(ADMIN, company));
        assertEquals(historyBefore, duplicates.contactMergeHistory(ADMIN, id));
        assertEquals(0, OwnedRowKeys.drop(emf));
        // what the merge added comes off again when the merged card is restored
        contacts.restore(ADMIN, twin);
        assertEquals(Set.of("vip"), contacts.get(ADMIN, id).tags());
    }

    private static List<String> ownerIndexes() {
        return java.util.stream.Stream.of(CONTACT_ROWS, COMPANY_ROWS, MERGE_ROWS).flatMap(List::stream)
                .map(t -> t + "_OWNER_IX").toList();
    }

    private Set<String> existingOwnerIndexes() {
        Set<String> found = new java.util.HashSet<>(TestDatabase.indexes(emf, "%_OWNER_IX"));
        found.removeAll(Set.of("CON_CONTACT_OWNER_IX", "CON_COMPANY_OWNER_IX"));
        return found;
    }
}
