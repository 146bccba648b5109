package io.tessera.crm.timeline.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.timeline.TimelineEntryDto;
import io.tessera.crm.api.timeline.TimelineQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class TimelineServiceTest extends TimelineTestBase {
    private static final String ONE = "give exactly one of companyId, contactId, dealId";

    @Test
    public void newestFirstWithIdAsTiebreaker() {
        record(T0 + 10, "x", "MIDDLE", CrmEvents.COMPANY_IDS, List.of(1L));
        record(T0 + 20, "x", "NEWEST", CrmEvents.COMPANY_IDS, List.of(1L));
        record(T0, "x", "OLDEST", CrmEvents.COMPANY_IDS, List.of(1L));
        record(T0 + 10, "x", "MIDDLE_LATER", CrmEvents.COMPANY_IDS, List.of(1L));

        List<TimelineEntryDto> history = companyHistory(ADMIN, 1);
        assertEquals(List.of("x/NEWEST", "x/MIDDLE_LATER", "x/MIDDLE", "x/OLDEST"),
                history.stream().map(TimelineEntryDto::kind).toList());
        assertTrue(history.get(1).id() > history.get(2).id());
    }

    @Test
    public void pagingGivesEveryEntryExactlyOnce() {
        for (int i = 0; i < 23; i++) {
            record(T0 + (i % 5), "x", "E" + i, CrmEvents.CONTACT_IDS, List.of(10L));
        }
        record(T0, "x", "OTHER", CrmEvents.CONTACT_IDS, List.of(20L));

        List<TimelineEntryDto> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<TimelineEntryDto> page = timeline.history(ALICE, new TimelineQuery(null, 10L, null, new Paging(5, cursor)));
            assertTrue(page.items().size() <= 5);
            all.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(5, pages);
        assertEquals(23, all.size());
        Set<Long> ids = new HashSet<>();
        all.forEach(e -> ids.add(e.id()));
        assertEquals(23, ids.size());
        assertEquals(contactHistory(ALICE, 10), all);
        for (int i = 1; i < all.size(); i++) {
            TimelineEntryDto before = all.get(i - 1);
            TimelineEntryDto after = all.get(i);
            assertTrue(before.at().isAfter(after.at()) || before.at().equals(after.at()) && before.id() > after.id());
        }
    }

    @Test
    public void lastPageHasNoCursorAndDefaultPagingIsUsed() {
        record(T0, "x", "A", CrmEvents.DEAL_IDS, List.of(100L));
        Page<TimelineEntryDto> page = timeline.history(ALICE, new TimelineQuery(null, null, 100L, null));
        assertEquals(1, page.items().size());
        assertNull(page.nextCursor());
        Page<TimelineEntryDto> exact = timeline.history(ALICE, new TimelineQuery(null, null, 100L, new Paging(1, null)));
        assertEquals(1, exact.items().size());
        assertNull("exactly limit entries: no further page", exact.nextCursor());
        record(T0 + 1, "x", "B", CrmEvents.DEAL_IDS, List.of(100L));
        Page<TimelineEntryDto> first = timeline.history(ALICE, new TimelineQuery(null, null, 100L, new Paging(1, null)));
        assertEquals("x/B", first.items().get(0).kind());
        assertNotNull(first.nextCursor());
        Page<TimelineEntryDto> second = timeline.history(ALICE,
                new TimelineQuery(null, null, 100L, new Paging(1, first.nextCursor())));
        assertEquals("x/A", second.items().get(0).kind());
        assertNull(second.nextCursor());
    }

    @Test
    public void aBadCursorIsAValidationError() {
        try {
            timeline.history(ADMIN, new TimelineQuery(1L, null, null, new Paging(5, "garbage!")));
            fail();
        } catch (ValidationException e) {
            assertEquals("cursor", e.errors().get(0).field());
        }
    }

    @Test
    public void exactlyOneIdIsRequired() {
        assertErrors(new TimelineQuery(null, null, null, null), List.of(new FieldError("companyId", ONE)));
        assertErrors(new TimelineQuery(1L, null, 100L, null),
                List.of(new FieldError("companyId", ONE), new FieldError("dealId", ONE)));
        assertErrors(new TimelineQuery(1L, 10L, 100L, null), List.of(new FieldError("companyId", ONE),
                new FieldError("contactId", ONE), new FieldError("dealId", ONE)));
        assertErrors(null, List.of(new FieldError("companyId", ONE)));
        assertEquals("no service was asked before the input was valid", 0,
                companies.getCalls + contacts.getCalls + deals.getCalls);
    }

    private void assertErrors(TimelineQuery query, List<FieldError> expected) {
        try {
            timeline.history(ADMIN, query);
            fail("expected a ValidationException");
        } catch (ValidationException e) {
            assertEquals(expected, e.errors());
        }
    }

    @Test
    public void aSalesUserGetsNotFoundForSomeoneElsesRecords() {
        record(T0, CrmEvents.DEAL, CrmEvents.WON, CrmEvents.ID, 200L, CrmEvents.COMPANY_IDS, List.of(2L),
                CrmEvents.CONTACT_IDS, List.of(20L), CrmEvents.DEAL_IDS, List.of(200L));
        assertNotFound(() -> companyHistory(ALICE, 2));
        assertNotFound(() -> contactHistory(ALICE, 20));
        assertNotFound(() -> dealHistory(ALICE, 200));
        assertEquals(1, companyHistory(BOB, 2).size());
        assertEquals(1, companyHistory(MANAGER, 2).size());
        assertEquals(1, dealHistory(ADMIN, 200).size());
    }

    @Test
    public void aMissingRecordIsNotFoundEvenWithoutEntries() {
        assertNotFound(() -> companyHistory(ADMIN, 999));
        assertNotFound(() -> contactHistory(ADMIN, 999));
        assertNotFound(() -> dealHistory(ADMIN, 999));
        assertEquals(List.of(), companyHistory(ALICE, 1));
    }

    @Test
    public void theNotFoundExceptionOfTheRecordsServicePassesThroughUnchanged() {
        try {
            companyHistory(ALICE, 2);
            fail();
        } catch (NotFoundException e) {
            assertEquals("company 2 not found", e.getMessage());
        }
    }

    @Test
    public void archivedRecordsHistoryIsStillReadable() {
        record(T0, CrmEvents.COMPANY, CrmEvents.ARCHIVED, CrmEvents.ID, 1L, CrmEvents.COMPANY_IDS, List.of(1L));
        companies.markArchived(1);
        List<TimelineEntryDto> history = companyHistory(ALICE, 1);
        assertEquals(1, history.size());
        assertEquals("company archived", history.get(0).summary());
    }

    private static void assertNotFound(Runnable call) {
        try {
            call.run();
            fail("expected NotFoundException");
        } catch (NotFoundException e) {
            assertNotNull(e.getMessage());
        }
    }
}
