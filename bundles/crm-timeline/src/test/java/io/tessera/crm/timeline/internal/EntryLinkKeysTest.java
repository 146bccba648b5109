package io.tessera.crm.timeline.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.timeline.TimelineEntryDto;
import io.tessera.crm.support.testing.TestDatabase;
import java.util.List;
import javax.persistence.EntityManager;
import org.junit.Test;

public class EntryLinkKeysTest extends TimelineTestBase {
    private static final List<String> LINKS = List.of("TL_ENTRY_COMPANY", "TL_ENTRY_CONTACT", "TL_ENTRY_DEAL");

    @Test
    public void aNewDatabaseIndexesLinksByTheirEntryWithoutForeignKeys() {
        assertEquals(0, TestDatabase.foreignKeys(emf));
        assertEquals(3, entryIndexes());
        assertEquals(0, EntryLinkKeys.drop(emf));
    }

    @Test
    public void theForeignKeysAnEarlierVersionMadeAreReplacedByIndexesWithTheLinksKept() {
        record(T0, CrmEvents.DEAL, CrmEvents.CREATED, CrmEvents.ID, 100L, CrmEvents.SUMMARY, "Deal 'Supply' created",
                CrmEvents.COMPANY_IDS, List.of(1L), CrmEvents.CONTACT_IDS, List.of(10L), CrmEvents.DEAL_IDS,
                List.of(100L));
        List<TimelineEntryDto> before = dealHistory(ADMIN, 100);
        assertEquals(1, before.size());
        EntityManager em = emf.createEntityManager();
        try {
            // the schema of an earlier version: a foreign key to the entry on every link table
            em.getTransaction().begin();
            em.createNativeQuery("DROP INDEX TL_ENTRY_DEAL_ENTRY_IX").executeUpdate();
            for (String table : LINKS) {
                em.createNativeQuery("ALTER TABLE " + table + " ADD CONSTRAINT " + table.replace("_", "")
                        + "FK FOREIGN KEY (ENTRY_ID) REFERENCES TL_ENTRY (ID)").executeUpdate();
            }
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        assertEquals(3, TestDatabase.foreignKeys(emf));

        assertEquals(3, EntryLinkKeys.drop(emf));

        assertEquals(0, TestDatabase.foreignKeys(emf));
        assertEquals(3, entryIndexes());
        assertEquals(before, dealHistory(ADMIN, 100));
        assertEquals(before, companyHistory(ADMIN, 1));
        assertEquals(before, contactHistory(ADMIN, 10));
        assertEquals(0, EntryLinkKeys.drop(emf));
    }

    private int entryIndexes() {
        return TestDatabase.indexes(emf, "TL_ENTRY_%_ENTRY_IX").size();
    }
}
