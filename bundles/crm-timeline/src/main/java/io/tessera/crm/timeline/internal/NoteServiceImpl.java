package io.tessera.crm.timeline.internal;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.timeline.NoteDto;
import io.tessera.crm.api.timeline.NoteInput;
import io.tessera.crm.api.timeline.NoteService;
import io.tessera.crm.support.jpa.Transactions;
import io.tessera.crm.support.validation.Checks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes about companies, contacts and deals. A note and its timeline entry ("note/CREATED", carrying the text) are
 * written in one transaction of this bundle's persistence unit; the entry follows the note: edited text and records
 * show in it, archiving hides it from every history, restoring brings it back. Events
 * ({@code tessera/crm/note/CREATED|UPDATED|ARCHIVED|RESTORED}) are sent after commit for modules; the timeline
 * recorder ignores them, so nothing is recorded twice.
 *
 * <p>Visibility: a note is about up to three records.
 * <ul>
 * <li>Creating one needs every record it names to exist and be visible to the caller (else a ValidationException on
 * that field: "no such company").</li>
 * <li>Reading ({@link #get}) needs the caller to see <em>any</em> of them, the same rule as the timeline, which shows
 * the note in the history of each record it names.</li>
 * <li>Changing it (update, archive, restore) needs the caller to see <em>every</em> record it names: nobody edits
 * or hides a note on a record they cannot see. Seeing none -> NotFoundException; seeing only some ->
 * AccessDeniedException. The new input of an update is checked like a create.</li>
 * </ul>
 * The author is the caller who created the note; it is not changed by edits.
 */
@Component(service = NoteService.class)
public class NoteServiceImpl implements NoteService {
    static final int MAX_TEXT = 10000;
    static final String NOTE_CREATED_KIND = CrmEvents.NOTE + "/" + CrmEvents.CREATED;
    static final String AT_LEAST_ONE = "give at least one of companyId, contactId, dealId";
    private static final Logger LOG = LoggerFactory.getLogger(NoteServiceImpl.class);

    private final Transactions tx;
    private final EventAdmin events;
    private final CompanyService companies;
    private final ContactService contacts;
    private final DealService deals;
    private final Clock clock;

    @Activate
    public NoteServiceImpl(@Reference(target = "(osgi.unit.name=crm-timeline)") EntityManagerFactory emf,
                           @Reference EventAdmin events, @Reference CompanyService companies,
                           @Reference ContactService contacts, @Reference DealService deals) {
        this(emf, events, companies, contacts, deals, Clock.systemUTC());
    }

    NoteServiceImpl(EntityManagerFactory emf, EventAdmin events, CompanyService companies, ContactService contacts,
                    DealService deals, Clock clock) {
        this.tx = new Transactions(emf);
        this.events = events;
        this.companies = companies;
        this.contacts = contacts;
        this.deals = deals;
        this.clock = clock;
    }

    @Override
    public NoteDto create(Caller caller, NoteInput input) {
        Objects.requireNonNull(caller, "caller");
        validate(caller, input);
        long now = clock.millis();
        NoteDto created = tx.write(em -> {
            NoteEntity note = new NoteEntity();
            apply(note, input);
            note.setAuthor(TimelineEntries.cut(caller.username(), 200));
            note.setCreatedMillis(now);
            note.setUpdatedMillis(now);
            em.persist(note);
            em.flush();
            TimelineEntryEntity entry = new TimelineEntryEntity();
            entry.setNoteId(note.getId());
            entry.setKind(NOTE_CREATED_KIND);
            entry.setEntity(CrmEvents.NOTE);
            entry.setEntityId(note.getId());
            entry.setAtMillis(now);
            entry.setActor(note.getAuthor());
            syncEntry(entry, note);
            em.persist(entry);
            return toDto(note);
        });
        send(CrmEvents.CREATED, caller, created);
        return created;
    }

    @Override
    public NoteDto get(Caller caller, long id) {
        Objects.requireNonNull(caller, "caller");
        NoteDto note = load(id);
        if (visible(caller, note).isEmpty()) {
            throw new NotFoundException(CrmEvents.NOTE, id);
        }
        return note;
    }

    @Override
    public NoteDto update(Caller caller, long id, long expectedVersion, NoteInput input) {
        Objects.requireNonNull(caller, "caller");
        NoteDto current = loadForChange(caller, id);
        if (current.version() != expectedVersion) {
            throw new StaleVersionException(CrmEvents.NOTE, id, expectedVersion, current.version());
        }
        validate(caller, input);
        long now = clock.millis();
        NoteDto updated = tx.write(em -> {
            NoteEntity note = find(em, id);
            if (note.getVersion() != expectedVersion) {
                throw new StaleVersionException(CrmEvents.NOTE, id, expectedVersion, note.getVersion());
            }
            apply(note, input);
            note.setUpdatedMillis(now);
            syncEntry(entryOf(em, note), note);
            em.flush();
            return toDto(note);
        });
        send(CrmEvents.UPDATED, caller, updated);
        return updated;
    }

    @Override
    public NoteDto archive(Caller caller, long id) {
        return setArchived(caller, id, true);
    }

    @Override
    public NoteDto restore(Caller caller, long id) {
        return setArchived(caller, id, false);
    }

    /** Archiving an archived note (or restoring a live one) changes nothing and sends no event. */
    private NoteDto setArchived(Caller caller, long id, boolean archived) {
        Objects.requireNonNull(caller, "caller");
        NoteDto current = loadForChange(caller, id);
        if (current.archived() == archived) {
            return current;
        }
        long now = clock.millis();
        boolean[] changed = {false};
        NoteDto result = tx.write(em -> {
            NoteEntity note = find(em, id);
            if (note.isArchived() != archived) {
                note.setArchived(archived);
                note.setUpdatedMillis(now);
                syncEntry(entryOf(em, note), note);
                em.flush();
                changed[0] = true;
            }
            return toDto(note);
        });
        if (changed[0]) {
            send(archived ? CrmEvents.ARCHIVED : CrmEvents.RESTORED, caller, result);
        }
        return result;
    }

    private void validate(Caller caller, NoteInput input) {
        if (input == null) {
            throw new ValidationException("text", "is required");
        }
        Checks checks = new Checks()
                .required("text", input.text())
                .maxLength("text", input.text(), MAX_TEXT)
                .check(input.companyId() != null || input.contactId() != null || input.dealId() != null,
                        "companyId", AT_LEAST_ONE);
        if (input.companyId() != null && !sees(caller, CrmEvents.COMPANY, input.companyId())) {
            checks.add("companyId", "no such company");
        }
        if (input.contactId() != null && !sees(caller, CrmEvents.CONTACT, input.contactId())) {
            checks.add("contactId", "no such contact");
        }
        if (input.dealId() != null && !sees(caller, CrmEvents.DEAL, input.dealId())) {
            checks.add("dealId", "no such deal");
        }
        checks.throwIfAny();
    }

    private static void apply(NoteEntity note, NoteInput input) {
        note.setText(input.text().strip());
        note.setCompanyId(input.companyId());
        note.setContactId(input.contactId());
        note.setDealId(input.dealId());
    }

    /** Makes the note's timeline entry show the note as it is now. */
    private static void syncEntry(TimelineEntryEntity entry, NoteEntity note) {
        entry.setText(note.getText());
        entry.setSummary(TimelineEntries.noteSummary(note.getText()));
        entry.setHidden(note.isArchived());
        replace(entry.getCompanyIds(), note.getCompanyId());
        replace(entry.getContactIds(), note.getContactId());
        replace(entry.getDealIds(), note.getDealId());
    }

    private static void replace(java.util.Set<Long> ids, Long id) {
        if (id == null) {
            ids.clear();
        } else if (ids.size() != 1 || !ids.contains(id)) {
            ids.clear();
            ids.add(id);
        }
    }

    /** The note's entry; recreated if it is missing (it never should be). */
    private static TimelineEntryEntity entryOf(EntityManager em, NoteEntity note) {
        List<TimelineEntryEntity> found = em.createQuery(
                        "SELECT e FROM TimelineEntryEntity e WHERE e.noteId = :noteId ORDER BY e.id",
                        TimelineEntryEntity.class)
                .setParameter("noteId", note.getId())
                .getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        TimelineEntryEntity entry = new TimelineEntryEntity();
        entry.setNoteId(note.getId());
        entry.setKind(NOTE_CREATED_KIND);
        entry.setEntity(CrmEvents.NOTE);
        entry.setEntityId(note.getId());
        entry.setAtMillis(note.getCreatedMillis());
        entry.setActor(note.getAuthor());
        em.persist(entry);
        return entry;
    }

    private NoteDto load(long id) {
        return tx.read(em -> toDto(find(em, id)));
    }

    private static NoteEntity find(EntityManager em, long id) {
        NoteEntity note = em.find(NoteEntity.class, id);
        if (note == null) {
            throw new NotFoundException(CrmEvents.NOTE, id);
        }
        return note;
    }

    private NoteDto loadForChange(Caller caller, long id) {
        NoteDto note = load(id);
        List<String> seen = visible(caller, note);
        if (seen.isEmpty()) {
            throw new NotFoundException(CrmEvents.NOTE, id);
        }
        if (seen.size() < named(note)) {
            throw new AccessDeniedException("note " + id + " is also about records you may not see; "
                    + "only someone who sees all of them may change it");
        }
        return note;
    }

    private static int named(NoteDto note) {
        return (note.companyId() != null ? 1 : 0) + (note.contactId() != null ? 1 : 0)
                + (note.dealId() != null ? 1 : 0);
    }

    /** The kinds of the note's records the caller may see. */
    private List<String> visible(Caller caller, NoteDto note) {
        List<String> seen = new ArrayList<>(3);
        if (note.companyId() != null && sees(caller, CrmEvents.COMPANY, note.companyId())) {
            seen.add(CrmEvents.COMPANY);
        }
        if (note.contactId() != null && sees(caller, CrmEvents.CONTACT, note.contactId())) {
            seen.add(CrmEvents.CONTACT);
        }
        if (note.dealId() != null && sees(caller, CrmEvents.DEAL, note.dealId())) {
            seen.add(CrmEvents.DEAL);
        }
        return seen;
    }

    private boolean sees(Caller caller, String kind, long id) {
        try {
            switch (kind) {
                // NotFoundException when the caller may not see it; isArchived reads no more than that
                case CrmEvents.COMPANY -> companies.isArchived(caller, id);
                case CrmEvents.CONTACT -> contacts.isArchived(caller, id);
                default -> deals.get(caller, id);
            }
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static NoteDto toDto(NoteEntity note) {
        return new NoteDto(note.getId(), note.getVersion(), note.getText(), note.getCompanyId(), note.getContactId(),
                note.getDealId(), note.getAuthor(), note.isArchived(), Instant.ofEpochMilli(note.getCreatedMillis()),
                Instant.ofEpochMilli(note.getUpdatedMillis()));
    }

    private void send(String action, Caller caller, NoteDto note) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, CrmEvents.NOTE);
        props.put(CrmEvents.ID, note.id());
        props.put(CrmEvents.ACTOR, caller.username());
        props.put(CrmEvents.OWNER, note.author());
        String verb = switch (action) {
            case CrmEvents.CREATED -> "added";
            case CrmEvents.UPDATED -> "edited";
            case CrmEvents.ARCHIVED -> "archived";
            default -> "restored";
        };
        props.put(CrmEvents.SUMMARY, TimelineEntries.cut("Note " + verb + " by " + caller.username() + ": "
                + TimelineEntries.noteSummary(note.text()).substring("Note: ".length()), TimelineEntries.MAX_SUMMARY));
        props.put(CrmEvents.COMPANY_IDS, note.companyId() == null ? List.of() : List.of(note.companyId()));
        props.put(CrmEvents.CONTACT_IDS, note.contactId() == null ? List.of() : List.of(note.contactId()));
        props.put(CrmEvents.DEAL_IDS, note.dealId() == null ? List.of() : List.of(note.dealId()));
        try {
            events.sendEvent(new Event(CrmEvents.topic(CrmEvents.NOTE, action), props));
        } catch (RuntimeException e) {
            // The note is committed; a broken listener must not turn that into an error for the caller.
            LOG.warn("could not send the {} event of note {}", action, note.id(), e);
        }
    }
}
