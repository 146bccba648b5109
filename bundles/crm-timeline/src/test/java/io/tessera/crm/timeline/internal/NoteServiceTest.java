package io.tessera.crm.timeline.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.timeline.NoteDto;
import io.tessera.crm.api.timeline.NoteInput;
import io.tessera.crm.api.timeline.TimelineEntryDto;
import java.time.Instant;
import java.util.List;
import org.junit.Test;
import org.osgi.service.event.Event;

public class NoteServiceTest extends TimelineTestBase {

    @Test
    public void createStoresTheNoteAndItsTimelineEntry() {
        clock.millis = T0 + 1000;
        NoteDto note = notes.create(ALICE, new NoteInput("  Called, wants an offer by Friday.  ", 1L, 10L, null));

        assertTrue(note.id() > 0);
        assertEquals("Called, wants an offer by Friday.", note.text());
        assertEquals(Long.valueOf(1), note.companyId());
        assertEquals(Long.valueOf(10), note.contactId());
        assertNull(note.dealId());
        assertEquals("alice", note.author());
        assertFalse(note.archived());
        assertEquals(Instant.ofEpochMilli(T0 + 1000), note.createdAt());
        assertEquals(Instant.ofEpochMilli(T0 + 1000), note.updatedAt());
        assertEquals(note, notes.get(ALICE, note.id()));

        TimelineEntryDto entry = companyHistory(ALICE, 1).get(0);
        assertEquals("note/CREATED", entry.kind());
        assertEquals("note", entry.entity());
        assertEquals(Long.valueOf(note.id()), entry.entityId());
        assertEquals("Called, wants an offer by Friday.", entry.text());
        assertEquals("Note: Called, wants an offer by Friday.", entry.summary());
        assertEquals("alice", entry.actor());
        assertEquals(Instant.ofEpochMilli(T0 + 1000), entry.at());
        assertEquals(List.of(1L), entry.companyIds());
        assertEquals(List.of(10L), entry.contactIds());
        assertEquals(List.of(), entry.dealIds());
        assertEquals(List.of(entry), contactHistory(ALICE, 10));
        assertEquals(List.of(), dealHistory(ALICE, 100));
        assertEquals(1, entries());
    }

    @Test
    public void aContactOnlyNoteIsInTheContactsHistoryOnly() {
        NoteDto note = notes.create(ALICE, new NoteInput("Private client", null, 11L, null));
        assertEquals(List.of(Long.valueOf(note.id())),
                contactHistory(ALICE, 11).stream().map(TimelineEntryDto::entityId).toList());
        assertEquals(List.of(), companyHistory(ALICE, 1));
        assertEquals(List.of(), contactHistory(ALICE, 10));
    }

    @Test
    public void createSendsTheNoteEventAndTheRecorderDoesNotDoubleIt() {
        events.handlers.add(recorder);
        NoteDto note = notes.create(ALICE, new NoteInput("Offer sent", 1L, null, 100L));

        assertEquals(List.of("tessera/crm/note/CREATED"), events.topics());
        Event event = events.events.get(0);
        assertEquals("note", event.getProperty(CrmEvents.ENTITY));
        assertEquals(note.id(), event.getProperty(CrmEvents.ID));
        assertEquals("alice", event.getProperty(CrmEvents.ACTOR));
        assertEquals("alice", event.getProperty(CrmEvents.OWNER));
        assertEquals("Note added by alice: Offer sent", event.getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(1L), event.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(), event.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(100L), event.getProperty(CrmEvents.DEAL_IDS));
        assertEquals(1, entries());
        assertEquals(1, companyHistory(ALICE, 1).size());
    }

    @Test
    public void validationCorpus() {
        assertInvalid(ALICE, null, new FieldError("text", "is required"));
        assertInvalid(ALICE, new NoteInput(null, 1L, null, null), new FieldError("text", "is required"));
        assertInvalid(ALICE, new NoteInput("   ", 1L, null, null), new FieldError("text", "is required"));
        assertInvalid(ALICE, new NoteInput("x".repeat(10001), 1L, null, null),
                new FieldError("text", "is longer than 10000 characters"));
        assertInvalid(ALICE, new NoteInput("text", null, null, null),
                new FieldError("companyId", "give at least one of companyId, contactId, dealId"));
        assertInvalid(ALICE, new NoteInput("text", 999L, null, null), new FieldError("companyId", "no such company"));
        assertInvalid(ALICE, new NoteInput("text", null, 999L, null), new FieldError("contactId", "no such contact"));
        assertInvalid(ALICE, new NoteInput("text", null, null, 999L), new FieldError("dealId", "no such deal"));
        // a record the caller may not see is reported exactly like a missing one
        assertInvalid(ALICE, new NoteInput("text", 2L, 20L, 200L), new FieldError("companyId", "no such company"),
                new FieldError("contactId", "no such contact"), new FieldError("dealId", "no such deal"));
        // every error at once
        assertInvalid(ALICE, new NoteInput("", 2L, 10L, null), new FieldError("text", "is required"),
                new FieldError("companyId", "no such company"));
        assertEquals(0, entries());
        assertEquals(0, count("SELECT COUNT(n) FROM NoteEntity n"));
        assertEquals(List.of(), events.events);

        assertEquals(10000, notes.create(ALICE, new NoteInput("x".repeat(10000), 1L, null, null)).text().length());
        NoteDto managers = notes.create(MANAGER, new NoteInput("y", 2L, 20L, 200L));
        assertEquals("mia", managers.author());
        assertEquals(List.of(Long.valueOf(managers.id())),
                dealHistory(BOB, 200).stream().map(TimelineEntryDto::entityId).toList());
    }

    private void assertInvalid(Caller caller, NoteInput input, FieldError... expected) {
        try {
            notes.create(caller, input);
            fail("expected a ValidationException");
        } catch (ValidationException e) {
            assertEquals(List.of(expected), e.errors());
        }
    }

    @Test
    public void visibilityOfNotes() {
        NoteDto alices = notes.create(ALICE, new NoteInput("mine", 1L, null, null));
        NoteDto shared = notes.create(ADMIN, new NoteInput("about both", 1L, 20L, null));

        assertEquals(alices, notes.get(MANAGER, alices.id()));
        assertNotFound(() -> notes.get(BOB, alices.id()));
        assertNotFound(() -> notes.get(CAROL, alices.id()));
        assertNotFound(() -> notes.get(ALICE, 9999));
        // read: seeing any of the records the note is about
        assertEquals("about both", notes.get(ALICE, shared.id()).text());
        assertEquals("about both", notes.get(BOB, shared.id()).text());
        assertNotFound(() -> notes.get(CAROL, shared.id()));
        // change: only who sees all of them
        try {
            notes.update(ALICE, shared.id(), shared.version(), new NoteInput("edited", 1L, null, null));
            fail();
        } catch (AccessDeniedException expected) {
            assertEquals("about both", notes.get(ADMIN, shared.id()).text());
        }
        try {
            notes.archive(BOB, shared.id());
            fail();
        } catch (AccessDeniedException expected) {
            assertFalse(notes.get(ADMIN, shared.id()).archived());
        }
        assertNotFound(() -> notes.update(BOB, alices.id(), alices.version(), new NoteInput("x", 2L, null, null)));
        assertNotFound(() -> notes.archive(CAROL, alices.id()));
        assertNotFound(() -> notes.restore(CAROL, alices.id()));
        assertEquals(List.of("tessera/crm/note/CREATED", "tessera/crm/note/CREATED"), events.topics());
    }

    @Test
    public void updateChangesTheNoteAndItsEntry() {
        NoteDto created = notes.create(ALICE, new NoteInput("first", 1L, null, null));
        clock.millis = T0 + 5000;
        NoteDto updated = notes.update(ALICE, created.id(), created.version(), new NoteInput("second", 3L, 10L, 100L));

        assertEquals(created.version() + 1, updated.version());
        assertEquals("second", updated.text());
        assertEquals(Long.valueOf(3), updated.companyId());
        assertEquals(Long.valueOf(10), updated.contactId());
        assertEquals(Long.valueOf(100), updated.dealId());
        assertEquals("alice", updated.author());
        assertEquals(created.createdAt(), updated.createdAt());
        assertEquals(Instant.ofEpochMilli(T0 + 5000), updated.updatedAt());
        assertEquals(updated, notes.get(ALICE, created.id()));

        assertEquals(List.of(), companyHistory(ALICE, 1));
        TimelineEntryDto entry = companyHistory(ALICE, 3).get(0);
        assertEquals("note/CREATED", entry.kind());
        assertEquals("second", entry.text());
        assertEquals("Note: second", entry.summary());
        assertEquals(created.createdAt(), entry.at());
        assertEquals(List.of(entry), contactHistory(ALICE, 10));
        assertEquals(List.of(entry), dealHistory(ALICE, 100));
        assertEquals(1, entries());

        assertEquals(List.of("tessera/crm/note/CREATED", "tessera/crm/note/UPDATED"), events.topics());
        Event event = events.events.get(1);
        assertEquals(List.of(3L), event.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(10L), event.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(100L), event.getProperty(CrmEvents.DEAL_IDS));
        assertEquals("Note edited by alice: second", event.getProperty(CrmEvents.SUMMARY));
    }

    @Test
    public void staleVersionIsRejectedAndNothingChanges() {
        NoteDto created = notes.create(ALICE, new NoteInput("first", 1L, null, null));
        NoteDto updated = notes.update(ALICE, created.id(), created.version(), new NoteInput("second", 1L, null, null));
        try {
            notes.update(ALICE, created.id(), created.version(), new NoteInput("third", 1L, null, null));
            fail("expected StaleVersionException");
        } catch (StaleVersionException e) {
            assertEquals(updated.version(), e.currentVersion());
        }
        assertEquals("second", notes.get(ALICE, created.id()).text());
        assertEquals("second", companyHistory(ALICE, 1).get(0).text());
        assertEquals(2, events.events.size());
    }

    @Test
    public void updateValidatesLikeCreate() {
        NoteDto created = notes.create(ALICE, new NoteInput("first", 1L, null, null));
        try {
            notes.update(ALICE, created.id(), created.version(), new NoteInput("", null, null, 200L));
            fail();
        } catch (ValidationException e) {
            assertEquals(List.of(new FieldError("text", "is required"), new FieldError("dealId", "no such deal")),
                    e.errors());
        }
        assertEquals(created, notes.get(ALICE, created.id()));
        assertNotFound(() -> notes.update(ALICE, 9999, 1, new NoteInput("x", 1L, null, null)));
    }

    @Test
    public void archiveHidesTheEntryAndRestoreBringsItBack() {
        record(T0 - 1000, CrmEvents.COMPANY, CrmEvents.CREATED, CrmEvents.ID, 1L);
        NoteDto created = notes.create(ALICE, new NoteInput("to be archived", 1L, 10L, null));
        assertEquals(List.of("note/CREATED", "company/CREATED"),
                companyHistory(ALICE, 1).stream().map(TimelineEntryDto::kind).toList());

        NoteDto archived = notes.archive(ALICE, created.id());
        assertTrue(archived.archived());
        assertEquals(created.version() + 1, archived.version());
        assertEquals(archived, notes.get(ALICE, created.id())); // still readable
        assertEquals(List.of("company/CREATED"), companyHistory(ALICE, 1).stream().map(TimelineEntryDto::kind).toList());
        assertEquals(List.of(), contactHistory(ALICE, 10));

        // archiving again changes nothing and announces nothing
        assertEquals(archived, notes.archive(ALICE, created.id()));

        NoteDto restored = notes.restore(ALICE, created.id());
        assertFalse(restored.archived());
        assertEquals(archived.version() + 1, restored.version());
        assertEquals(List.of("note/CREATED", "company/CREATED"),
                companyHistory(ALICE, 1).stream().map(TimelineEntryDto::kind).toList());
        assertEquals("to be archived", contactHistory(ALICE, 10).get(0).text());
        assertEquals(restored, notes.restore(ALICE, created.id()));

        assertEquals(List.of("tessera/crm/note/CREATED", "tessera/crm/note/ARCHIVED", "tessera/crm/note/RESTORED"),
                events.topics());
        assertEquals(created.id(), events.events.get(1).getProperty(CrmEvents.ID));
        assertEquals(List.of(1L), events.events.get(2).getProperty(CrmEvents.COMPANY_IDS));
        assertNotFound(() -> notes.archive(ALICE, 9999));
    }

    @Test
    public void archivedNoteCanBeEditedAndStaysHidden() {
        NoteDto created = notes.create(ALICE, new NoteInput("one", 1L, null, null));
        NoteDto archived = notes.archive(ALICE, created.id());
        NoteDto edited = notes.update(ALICE, created.id(), archived.version(), new NoteInput("two", 1L, null, null));
        assertTrue(edited.archived());
        assertEquals(List.of(), companyHistory(ALICE, 1));
        notes.restore(ALICE, created.id());
        assertEquals("two", companyHistory(ALICE, 1).get(0).text());
    }

    @Test
    public void aBrokenEventListenerDoesNotFailTheCommittedNote() {
        events.handlers.add(event -> {
            throw new IllegalStateException("listener broke");
        });
        NoteDto note = notes.create(ALICE, new NoteInput("still saved", 1L, null, null));
        assertEquals("still saved", notes.get(ALICE, note.id()).text());
    }

    private static void assertNotFound(Runnable call) {
        try {
            call.run();
            fail("expected NotFoundException");
        } catch (NotFoundException expected) {
            // as a missing record
        }
    }
}
