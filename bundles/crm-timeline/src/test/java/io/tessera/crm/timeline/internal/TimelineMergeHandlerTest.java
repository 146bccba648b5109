package io.tessera.crm.timeline.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.timeline.NoteDto;
import io.tessera.crm.api.timeline.NoteInput;
import io.tessera.crm.api.timeline.TimelineEntryDto;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.service.event.Event;

public class TimelineMergeHandlerTest extends TimelineTestBase {

    private static Event merged(String entity, Object mergedId, Object survivorId) {
        Map<String, Object> props = props(CrmEvents.ENTITY, entity, CrmEvents.ID, mergedId,
                CrmEvents.SURVIVOR_ID, survivorId);
        return new Event(CrmEvents.topic(entity, CrmEvents.MERGED), props);
    }

    private static List<String> summaries(List<TimelineEntryDto> entries) {
        return entries.stream().map(TimelineEntryDto::summary).toList();
    }

    @Test
    public void survivorsHistoryShowsTheMergedContactsEntriesOnce() {
        record(T0, "contact", "CREATED", CrmEvents.SUMMARY, "Survivor created", CrmEvents.CONTACT_IDS, List.of(10L));
        record(T0 + 1, "contact", "CREATED", CrmEvents.SUMMARY, "Merged created", CrmEvents.CONTACT_IDS, List.of(11L));
        record(T0 + 2, "deal", "CREATED", CrmEvents.SUMMARY, "Deal with both",
                CrmEvents.CONTACT_IDS, List.of(10L, 11L), CrmEvents.COMPANY_IDS, List.of(1L));
        clock.millis = T0 + 3;
        NoteDto note = notes.create(ALICE, new NoteInput("About the merged card", 1L, 11L, null));
        NoteDto other = notes.create(ALICE, new NoteInput("About the survivor", null, 10L, null));
        record(T0 + 4, "contact", "MERGED", CrmEvents.SUMMARY, "Merged into survivor",
                CrmEvents.CONTACT_IDS, List.of(11L, 10L));
        // read once so the entries sit in the shared cache with their old links
        assertEquals(4, contactHistory(ADMIN, 10).size());

        TimelineMergeHandler handler = new TimelineMergeHandler(emf);
        handler.handleEvent(merged(CrmEvents.CONTACT, 11L, 10L));

        assertEquals(List.of("Merged into survivor", "About the survivor", "About the merged card", "Deal with both",
                "Merged created", "Survivor created"), summariesOrText(contactHistory(ADMIN, 10)));
        assertEquals(List.of("Merged into survivor", "About the merged card", "Deal with both", "Merged created"),
                summariesOrText(contactHistory(ADMIN, 11)));
        NoteDto moved = notes.get(ADMIN, note.id());
        assertEquals(Long.valueOf(10L), moved.contactId());
        assertEquals(Long.valueOf(1L), moved.companyId());
        assertEquals(note.version() + 1, moved.version());
        assertEquals(other, notes.get(ADMIN, other.id()));
        assertEquals(6L, count("SELECT COUNT(e) FROM TimelineEntryEntity e JOIN e.contactIds c WHERE c = 10"));

        // Delivered twice: nothing more.
        assertArrayEquals(new int[] {0, 0}, handler.repoint(true, 11L, 10L));

        // The merged card restored: its note is about it again, the survivor's stays, and each card's history is
        // what it was before the merge (entries about both, the deal and the merge itself, stay on both)
        handler.handleEvent(new Event(CrmEvents.topic(CrmEvents.CONTACT, CrmEvents.RESTORED), props(CrmEvents.ENTITY,
                CrmEvents.CONTACT, CrmEvents.ID, 11L, CrmEvents.SURVIVOR_ID, 10L)));
        assertEquals(Long.valueOf(11L), notes.get(ADMIN, note.id()).contactId());
        assertEquals(Long.valueOf(10L), notes.get(ADMIN, other.id()).contactId());
        assertEquals(List.of("Merged into survivor", "About the survivor", "Deal with both", "Survivor created"),
                summariesOrText(contactHistory(ADMIN, 10)));
        assertEquals(List.of("Merged into survivor", "About the merged card", "Deal with both", "Merged created"),
                summariesOrText(contactHistory(ADMIN, 11)));
        assertEquals(0, handler.moveNotesBack(true, 11L, 10L));
        assertEquals(0, handler.removeAddedLinks(true, 11L, 10L));
        assertEquals(0L, count("SELECT COUNT(a) FROM MergeLinkAdd a"));
    }

    @Test
    public void companyMergeAddsTheCompanysEntriesAndMovesItsNotes() {
        record(T0, "company", "CREATED", CrmEvents.SUMMARY, "Company 3 created", CrmEvents.COMPANY_IDS, List.of(3L));
        record(T0 + 1, "company", "CREATED", CrmEvents.SUMMARY, "Company 1 created", CrmEvents.COMPANY_IDS, List.of(1L));
        clock.millis = T0 + 2;
        NoteDto note = notes.create(ALICE, new NoteInput("About company 3", 3L, 10L, null));

        TimelineMergeHandler handler = new TimelineMergeHandler(emf);
        assertArrayEquals(new int[] {1, 2}, handler.repoint(false, 3L, 1L));

        assertEquals(List.of("About company 3", "Company 1 created", "Company 3 created"),
                summariesOrText(companyHistory(ADMIN, 1)));
        NoteDto moved = notes.get(ADMIN, note.id());
        assertEquals(Long.valueOf(1L), moved.companyId());
        assertEquals(Long.valueOf(10L), moved.contactId());

        assertEquals(1, handler.moveNotesBack(false, 3L, 1L));
        assertEquals(2, handler.removeAddedLinks(false, 3L, 1L));
        assertEquals(List.of("Company 1 created"), summariesOrText(companyHistory(ADMIN, 1)));
        assertEquals(List.of("About company 3", "Company 3 created"), summariesOrText(companyHistory(ADMIN, 3)));
    }

    @Test
    public void eventsWithoutIdsChangeNothing() {
        record(T0, "contact", "CREATED", CrmEvents.SUMMARY, "x", CrmEvents.CONTACT_IDS, List.of(11L));
        new TimelineMergeHandler(emf).handleEvent(merged(CrmEvents.CONTACT, 11L, null));
        assertEquals(List.of(), contactHistory(ADMIN, 10));
        assertEquals(1, contactHistory(ADMIN, 11).size());
    }

    private static List<String> summariesOrText(List<TimelineEntryDto> entries) {
        return entries.stream().map(e -> e.text() != null ? e.text() : e.summary()).toList();
    }
}
