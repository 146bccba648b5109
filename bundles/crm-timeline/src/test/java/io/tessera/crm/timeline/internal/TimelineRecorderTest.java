package io.tessera.crm.timeline.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.timeline.TimelineEntryDto;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;

public class TimelineRecorderTest extends TimelineTestBase {

    @Test
    public void recordsACoreEventWithEveryField() {
        record(T0 + 5, CrmEvents.DEAL, CrmEvents.STAGE_CHANGED,
                CrmEvents.ENTITY, "deal", CrmEvents.ID, 100L, CrmEvents.ACTOR, "alice", CrmEvents.OWNER, "alice",
                CrmEvents.SUMMARY, "Deal 'Kitchen' moved from Qualification to Measurements",
                CrmEvents.COMPANY_IDS, List.of(1L), CrmEvents.CONTACT_IDS, List.of(10L, 11L),
                CrmEvents.DEAL_IDS, List.of(100L), CrmEvents.STAGE_ID, 7L);

        List<TimelineEntryDto> history = companyHistory(ADMIN, 1);
        assertEquals(1, history.size());
        TimelineEntryDto e = history.get(0);
        assertEquals(Instant.ofEpochMilli(T0 + 5), e.at());
        assertEquals("deal/STAGE_CHANGED", e.kind());
        assertEquals("deal", e.entity());
        assertEquals(Long.valueOf(100), e.entityId());
        assertEquals("Deal 'Kitchen' moved from Qualification to Measurements", e.summary());
        assertEquals("alice", e.actor());
        assertNull(e.text());
        assertEquals(List.of(1L), e.companyIds());
        assertEquals(List.of(10L, 11L), e.contactIds());
        assertEquals(List.of(100L), e.dealIds());
        // the same entry is reachable from each record it names
        assertEquals(List.of(e), contactHistory(ADMIN, 10));
        assertEquals(List.of(e), contactHistory(ADMIN, 11));
        assertEquals(List.of(e), dealHistory(ADMIN, 100));
        assertEquals(List.of(), companyHistory(ADMIN, 2));
    }

    @Test
    public void recordsAnEventOfAModuleTheCoreNeverHeardOf() {
        record(T0, "call", "LOGGED", CrmEvents.ID, 555L, CrmEvents.ACTOR, "bob",
                CrmEvents.COMPANY_IDS, List.of(2L), CrmEvents.CONTACT_IDS, List.of(20L));

        TimelineEntryDto e = companyHistory(ADMIN, 2).get(0);
        assertEquals("call/LOGGED", e.kind());
        assertEquals("call", e.entity());
        assertEquals(Long.valueOf(555), e.entityId());
        assertEquals("call logged", e.summary());
        assertEquals("bob", e.actor());
        assertEquals(List.of(2L), e.companyIds());
        assertEquals(List.of(20L), e.contactIds());
        assertEquals(List.of(), e.dealIds());
        assertEquals(List.of(e), contactHistory(ADMIN, 20));
    }

    @Test
    public void kindIsTheTopicsLastTwoSegmentsAndEntityPropertyWins() {
        recorder.handleEvent(new Event("tessera/crm/telephony/call/MISSED_CALL",
                props(EventConstants.TIMESTAMP, T0, CrmEvents.ENTITY, "phoneCall", CrmEvents.COMPANY_IDS, 1L)));
        TimelineEntryDto e = companyHistory(ADMIN, 1).get(0);
        assertEquals("call/MISSED_CALL", e.kind());
        assertEquals("phoneCall", e.entity());
        assertEquals("phoneCall missed call", e.summary());
        assertNull(e.entityId());
        assertNull(e.actor());
    }

    @Test
    public void acceptsEveryShapeOfIdList() {
        record(T0, "x", "A", CrmEvents.COMPANY_IDS, new long[] {1, 2});
        record(T0 + 1, "x", "B", CrmEvents.COMPANY_IDS, new Long[] {1L, null});
        record(T0 + 2, "x", "C", CrmEvents.COMPANY_IDS, 1);
        record(T0 + 3, "x", "D", CrmEvents.COMPANY_IDS, Set.of(1, 3));
        record(T0 + 4, "x", "E", CrmEvents.COMPANY_IDS, Arrays.asList(1L, "2", null, 2.5, -4L, 0L, 1L,
                new BigDecimal("3"), List.of(2L)));
        record(T0 + 5, "x", "F", CrmEvents.COMPANY_IDS, new int[] {1});

        List<TimelineEntryDto> one = companyHistory(ADMIN, 1);
        assertEquals(List.of("x/F", "x/E", "x/D", "x/C", "x/B", "x/A"), one.stream().map(TimelineEntryDto::kind).toList());
        assertEquals(List.of(1L, 3L), one.get(1).companyIds()); // garbage skipped, duplicates dropped
        assertEquals(List.of(1L, 3L), one.get(2).companyIds());
        assertEquals(List.of(1L), one.get(4).companyIds());
        assertEquals(List.of(1L, 2L), one.get(5).companyIds());
        assertEquals(List.of("x/A"), companyHistory(ADMIN, 2).stream().map(TimelineEntryDto::kind).toList());
        assertEquals(List.of("x/E", "x/D"), companyHistory(ADMIN, 3).stream().map(TimelineEntryDto::kind).toList());
    }

    @Test
    public void toleratesGarbagePropertiesWithoutFailing() {
        clock.millis = T0 + 99;
        recorder.handleEvent(new Event("tessera/crm/deal/WON", props(
                EventConstants.TIMESTAMP, "yesterday", CrmEvents.ID, "abc", CrmEvents.ACTOR, 42,
                CrmEvents.SUMMARY, List.of("no"), CrmEvents.COMPANY_IDS, "1", CrmEvents.CONTACT_IDS, Map.of(1, 2),
                CrmEvents.DEAL_IDS, new Object[] {"x", new Object(), 100L})));

        assertEquals(1, entries());
        TimelineEntryDto e = dealHistory(ADMIN, 100).get(0);
        assertEquals(Instant.ofEpochMilli(T0 + 99), e.at()); // no usable timestamp: now
        assertEquals("deal/WON", e.kind());
        assertEquals("deal", e.entity());
        assertNull(e.entityId());
        assertNull(e.actor());
        assertEquals("deal won", e.summary());
        assertEquals(List.of(), e.companyIds());
        assertEquals(List.of(), e.contactIds());
        assertEquals(List.of(100L), e.dealIds());
    }

    @Test
    public void numberIdOfAnyIntegralTypeIsAccepted() {
        record(T0, CrmEvents.TASK, CrmEvents.COMPLETED, CrmEvents.ID, 77, CrmEvents.DEAL_IDS, List.of(100));
        assertEquals(Long.valueOf(77), dealHistory(ADMIN, 100).get(0).entityId());
    }

    @Test
    public void summaryIsCutTo1000Characters() {
        record(T0, CrmEvents.COMPANY, CrmEvents.UPDATED, CrmEvents.SUMMARY, "s".repeat(1500),
                CrmEvents.COMPANY_IDS, List.of(1L));
        assertEquals("s".repeat(1000), companyHistory(ADMIN, 1).get(0).summary());
    }

    @Test
    public void anEventNamingNoRecordIsStoredAndReachableOnlyThroughItsEntityId() {
        record(T0, CrmEvents.COMPANY, CrmEvents.CREATED, CrmEvents.ID, 3L, CrmEvents.COMPANY_IDS, List.of());
        record(T0, CrmEvents.CONTACT, CrmEvents.ARCHIVED, CrmEvents.ID, 11L);
        record(T0, CrmEvents.TASK, CrmEvents.CREATED, CrmEvents.ID, 5L);

        assertEquals(3, entries());
        TimelineEntryDto company = companyHistory(ADMIN, 3).get(0);
        assertEquals("company/CREATED", company.kind());
        assertEquals(List.of(3L), company.companyIds());
        assertEquals("contact/ARCHIVED", contactHistory(ADMIN, 11).get(0).kind());
        // the task names nothing: stored, but in no history
        assertEquals(1, count("SELECT COUNT(e) FROM TimelineEntryEntity e WHERE e.entity = 'task' AND e.entityId = 5"));
        assertEquals(List.of(), companyHistory(ADMIN, 1));
    }

    @Test
    public void aCompanysHistoryShowsItsContactsAndDeals() {
        record(T0, CrmEvents.COMPANY, CrmEvents.CREATED, CrmEvents.ID, 1L, CrmEvents.COMPANY_IDS, List.of(1L));
        record(T0 + 1, CrmEvents.CONTACT, CrmEvents.CREATED, CrmEvents.ID, 10L,
                CrmEvents.COMPANY_IDS, List.of(1L), CrmEvents.CONTACT_IDS, List.of(10L));
        record(T0 + 2, CrmEvents.DEAL, CrmEvents.WON, CrmEvents.ID, 100L,
                CrmEvents.COMPANY_IDS, List.of(1L), CrmEvents.CONTACT_IDS, List.of(10L), CrmEvents.DEAL_IDS, List.of(100L));
        assertEquals(List.of("deal/WON", "contact/CREATED", "company/CREATED"),
                companyHistory(ADMIN, 1).stream().map(TimelineEntryDto::kind).toList());
        assertEquals(List.of("deal/WON", "contact/CREATED"),
                contactHistory(ADMIN, 10).stream().map(TimelineEntryDto::kind).toList());
    }

    @Test
    public void ignoresRemindersNoteEventsAndForeignTopics() {
        record(T0, CrmEvents.TASK, CrmEvents.REMINDER, CrmEvents.ID, 5L, CrmEvents.COMPANY_IDS, List.of(1L));
        record(T0, CrmEvents.NOTE, CrmEvents.CREATED, CrmEvents.ID, 5L, CrmEvents.COMPANY_IDS, List.of(1L));
        record(T0, CrmEvents.NOTE, CrmEvents.ARCHIVED, CrmEvents.ID, 5L, CrmEvents.COMPANY_IDS, List.of(1L));
        recorder.handleEvent(new Event("org/osgi/service/log/LogEntry/LOG_INFO", props(CrmEvents.COMPANY_IDS, 1L)));
        assertEquals(0, entries());
        record(T0, CrmEvents.TASK, CrmEvents.COMPLETED, CrmEvents.ID, 5L, CrmEvents.COMPANY_IDS, List.of(1L));
        assertEquals(1, entries());
    }

    @Test
    public void aFailureToRecordIsLoggedNotThrown() {
        emf.close();
        recorder.handleEvent(new Event("tessera/crm/deal/WON", props(CrmEvents.DEAL_IDS, List.of(100L))));
        // reaching here is the assertion: the sender never sees the failure
    }

    @Test
    public void linkTablesAreIndexedOnTheRecordId() {
        EntityManager em = emf.createEntityManager();
        try {
            for (String table : List.of("TL_ENTRY_COMPANY", "TL_ENTRY_CONTACT", "TL_ENTRY_DEAL")) {
                @SuppressWarnings("unchecked")
                List<Object> indexes = em.createNativeQuery("SELECT c.CONGLOMERATENAME FROM SYS.SYSCONGLOMERATES c,"
                        + " SYS.SYSTABLES t WHERE c.TABLEID = t.TABLEID AND t.TABLENAME = '" + table + "'"
                        + " AND c.ISINDEX = TRUE").getResultList();
                assertTrue(table + " has " + indexes, indexes.contains(table + "_IX"));
                assertTrue(table + " has " + indexes, indexes.contains(table + "_ENTRY_IX"));
            }
        } finally {
            em.close();
        }
    }
}
