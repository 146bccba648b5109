package io.tessera.crm.timeline.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.timeline.TimelineEntryDto;
import java.util.List;
import javax.persistence.EntityManager;
import org.junit.Test;

public class EntryLinkKeysTest extends TimelineTestBase {
    private static final List<String> LINKS = List.of("TL_ENTRY_COMPANY", "TL_ENTRY_CONTACT", "TL_ENTRY_DEAL");

    @Test
    public void aNewDatabaseIndexesLinksByTheirEntryWithoutForeignKeys() {
        assertEquals(0, foreignKeys());
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
        assertEquals(3, foreignKeys());

        assertEquals(3, EntryLinkKeys.drop(emf));

        assertEquals(0, foreignKeys());
        assertEquals(3, entryIndexes());
        assertEquals(before, dealHistory(ADMIN, 100));
        assertEquals(before, companyHistory(ADMIN, 1));
        assertEquals(before, contactHistory(ADMIN, 10));
        assertEquals(0, EntryLinkKeys.drop(emf));
    }

    private int foreignKeys() {
        return sysCount("SELECT COUNT(*) FROM SYS.SYSCONSTRAINTS k JOIN SYS.SYSTABLES t ON t.TABLEID = k.TABLEID"
                + " WHERE k.TYPE = 'F' AND t.TABLENAME LIKE 'TL_ENTRY_%'");
    }

    private int entryIndexes() {
        return sysCount("SELECT COUNT(*) FROM SYS.SYSCONGLOMERATES WHERE ISINDEX = TRUE AND CONGLOMERATENAME IN"
                + " ('TL_ENTRY_COMPANY_ENTRY_IX', 'TL_ENTRY_CONTACT_ENTRY_IX', 'TL_ENTRY_DEAL_ENTRY_IX')");
    }

    private int sysCount(String sql) {
        EntityManager em = emf.createEntityManager();
        try {
            return ((Number) em.createNativeQuery(sql).getSingleResult()).intValue();
        } finally {
            em.close();
        }
    }
}
