package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.support.jpa.ArchivedStatesQuery;
import io.tessera.crm.support.jpa.Transactions;
import io.tessera.crm.support.validation.Checks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Contacts (persons), linked to any number of companies of this bundle; none makes a private (B2C) client. */
@Component(service = ContactService.class)
public class ContactServiceImpl implements ContactService {
    static final String ENTITY = "contact";
    private static final Map<String, String> SORTS = ListQuery.sorts(
            "lastName", "sortKey", "name", "sortKey", "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final Transactions tx;
    private final Events events;
    private final UserService users;
    private final KeySummaryCache keys;
    private final Clock clock;

    @Activate
    public ContactServiceImpl(@Reference(target = "(osgi.unit.name=crm-contacts)") EntityManagerFactory emf,
                              @Reference EventAdmin events, @Reference UserService users,
                              @Reference KeySummaryCache keys) {
        this(emf, events, users, keys, Clock.systemUTC());
    }

    ContactServiceImpl(EntityManagerFactory emf, EventAdmin events, UserService users, KeySummaryCache keys,
                       Clock clock) {
        this.tx = new Transactions(emf);
        this.events = new Events(events);
        this.users = users;
        this.keys = keys;
        this.clock = clock;
    }

    record Values(String firstName, String lastName, String position, List<String> phones,
                          List<String> emails, LocalDate birthday, String notes, Set<String> tags,
                          Map<String, String> customFields, String owner, String source, List<Long> companyIds) {
    }

    /**
     * Checks everything at once, including the company links; {@code current} is null on create. Shared with
     * {@link ContactBatchServiceImpl}.
     */
    static Values validate(EntityManager em, Caller caller, ContactInput in, ContactEntity current,
                           UserService users, Clock clock) {
        if (in == null) {
            throw new ValidationException("body", "is required");
        }
        Checks checks = new Checks();
        String firstName = Normalize.text(checks, "firstName", in.firstName(), 100);
        String lastName = Normalize.text(checks, "lastName", in.lastName(), 100);
        if (firstName == null && lastName == null) {
            checks.add("firstName", "is required when lastName is empty");
            checks.add("lastName", "is required when firstName is empty");
        }
        LocalDate birthday = in.birthday();
        if (birthday != null && birthday.isAfter(LocalDate.now(clock))) {
            checks.add("birthday", "is in the future");
        }
        Values v = new Values(firstName, lastName,
                Normalize.text(checks, "position", in.position(), 200),
                Normalize.phones(checks, in.phones()),
                Normalize.emails(checks, in.emails()),
                birthday,
                Normalize.text(checks, "notes", in.notes(), 10000),
                Normalize.tags(checks, in.tags()),
                CustomFields.encode(checks, in.customFields()),
                Normalize.owner(checks, caller, in.owner(), current == null ? null : current.owner, users),
                Normalize.text(checks, "source", in.source(), 100),
                companyIds(em, checks, caller, in.companyIds(), current == null ? List.of() : current.companyIds));
        checks.throwIfAny();
        return v;
    }

    /**
     * New links must name a live company the caller may see; links the contact already has may stay even if that
     * company has since been archived or given to someone else.
     */
    private static List<Long> companyIds(EntityManager em, Checks checks, Caller caller, List<Long> input,
                                         List<Long> existing) {
        List<Long> out = new ArrayList<>();
        if (input == null) {
            return out;
        }
        checks.maxSize("companyIds", input, 100);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            String field = "companyIds[" + i + "]";
            Long id = input.get(i);
            if (id == null) {
                checks.add(field, "is required");
                continue;
            }
            if (!seen.add(id)) {
                checks.add(field, "is listed twice");
                continue;
            }
            if (!existing.contains(id)) {
                CompanyEntity company = em.find(CompanyEntity.class, id);
                if (company == null || !caller.mayAccess(company.owner)) {
                    checks.add(field, "no such company");
                    continue;
                }
                if (company.archived) {
                    checks.add(field, "the company is archived");
                    continue;
                }
            }
            out.add(id);
        }
        return out;
    }

    @Override
    public ContactDto create(Caller caller, ContactInput input) {
        ContactEntity created = tx.write(em -> {
            Values v = validate(em, caller, input, null, users, clock);
            ContactEntity e = newContact(v, now(clock));
            em.persist(e);
            em.flush();
            return e;
        });
        keys.stored(created);
        ContactDto dto = Mapping.contact(created);
        publish(CrmEvents.CREATED, caller, dto, createdSummary(dto), dto.companyIds());
        return dto;
    }

    @Override
    public ContactDto get(Caller caller, long id) {
        return tx.read(em -> Mapping.contact(find(em, caller, id)));
    }

    @Override
    public ContactDto update(Caller caller, long id, long expectedVersion, ContactInput input) {
        List<String> changed = new ArrayList<>();
        Set<Long> concerned = new LinkedHashSet<>();
        ContactEntity updated = tx.write(em -> {
            ContactEntity e = find(em, caller, id);
            checkUpdatable(e, expectedVersion);
            Values v = validate(em, caller, input, e, users, clock);
            changed.addAll(changes(e, v));
            concerned.addAll(e.companyIds);
            if (!changed.isEmpty()) {
                apply(e, v);
                e.updatedAt = now(clock);
                em.flush();
            }
            return e;
        });
        ContactDto dto = Mapping.contact(updated);
        if (!changed.isEmpty()) {
            keys.stored(updated);
            Set<Long> companies = new LinkedHashSet<>(dto.companyIds());
            companies.addAll(concerned);
            publish(CrmEvents.UPDATED, caller, dto, updatedSummary(dto, changed), new ArrayList<>(companies));
        }
        return dto;
    }

    @Override
    public ContactDto archive(Caller caller, long id) {
        return setArchived(caller, id, true);
    }

    @Override
    public ContactDto restore(Caller caller, long id) {
        return setArchived(caller, id, false);
    }

    private ContactDto setArchived(Caller caller, long id, boolean archived) {
        boolean[] changed = {false};
        Long[] mergedInto = {null};
        ContactDto dto = tx.write(em -> {
            ContactEntity e = find(em, caller, id);
            if (e.archived != archived) {
                e.archived = archived;
                if (!archived && e.mergedInto != null) {
                    // restoring a merged card undoes the merge: the event tells the other bundles which survivor
                    mergedInto[0] = e.mergedInto;
                    e.mergedInto = null;
                    MergeAdditions.takeBack(em, ENTITY, e.id, mergedInto[0], now(clock));
                }
                e.updatedAt = now(clock);
                em.flush();
                changed[0] = true;
            }
            return Mapping.contact(e);
        });
        if (changed[0]) {
            events.send(ENTITY, archived ? CrmEvents.ARCHIVED : CrmEvents.RESTORED, dto.id(), mergedInto[0],
                    caller.username(), dto.owner(), "Contact '" + name(dto) + "' " + (archived ? "archived"
                            : mergedInto[0] != null ? "restored (merge into " + mergedInto[0] + " undone)"
                            : "restored"), dto.companyIds(), List.of(dto.id()));
        }
        return dto;
    }

    @Override
    public Page<ContactDto> list(Caller caller, RecordQuery query) {
        RecordQuery q = query == null ? RecordQuery.all() : query;
        ListQuery<ContactEntity> lq = ListQuery.of(ContactEntity.class, caller, q, List.of("searchName"), SORTS,
                "lastName");
        if (q.companyId() != null) {
            lq.add("r.id IN (SELECT k0.id FROM ContactEntity k0 JOIN k0.companyIds k WHERE k = :companyId)",
                    "companyId", q.companyId());
        }
        return tx.read(em -> lq.page(em, q.paging(), Mapping::contact));
    }

    @Override
    public boolean isArchived(Caller caller, long id) {
        return tx.read(em -> isArchived(em, caller, "ContactEntity", ENTITY, id));
    }

    @Override
    public Map<Long, Boolean> archivedStates(Caller caller, Collection<Long> ids) {
        return tx.read(em -> ArchivedStatesQuery.read(em, caller, "ContactEntity", ids));
    }

    /** The owner and archived flag only (one query; {@link #find} reads the card with its collections). */
    static boolean isArchived(EntityManager em, Caller caller, String entityName, String entity, long id) {
        Boolean archived = ArchivedStatesQuery.read(em, caller, entityName, List.of(id)).get(id);
        if (archived == null) {
            throw new NotFoundException(entity, id);
        }
        return archived;
    }

    static ContactEntity find(EntityManager em, Caller caller, long id) {
        ContactEntity e = em.find(ContactEntity.class, id);
        if (e == null || !caller.mayAccess(e.owner)) {
            throw new NotFoundException(ENTITY, id);
        }
        return e;
    }

    /** A new entity with the checked values, created and updated at {@code now}. */
    static ContactEntity newContact(Values v, Timestamp now) {
        ContactEntity e = new ContactEntity();
        apply(e, v);
        e.createdAt = now;
        e.updatedAt = now;
        return e;
    }

    /** An update needs the version the caller saw and a live record. */
    static void checkUpdatable(ContactEntity e, long expectedVersion) {
        if (e.version != expectedVersion) {
            throw new StaleVersionException(ENTITY, e.id, expectedVersion, e.version);
        }
        if (e.archived) {
            throw new ConflictException("contact " + e.id + " is archived; restore it first");
        }
    }

    static void apply(ContactEntity e, Values v) {
        setNames(e, v.firstName(), v.lastName());
        e.position = v.position();
        e.phones = new ArrayList<>(v.phones().stream().map(PhoneEmbeddable::new).toList());
        e.emails = new ArrayList<>(v.emails());
        e.birthday = v.birthday();
        e.notes = v.notes();
        e.tags = new HashSet<>(v.tags());
        e.customFields = new HashMap<>(v.customFields());
        e.owner = v.owner();
        e.source = v.source();
        e.companyIds = new ArrayList<>(v.companyIds());
    }

    /** The names and everything derived from them (sorting, searching, duplicate matching). */
    static void setNames(ContactEntity e, String firstName, String lastName) {
        e.firstName = firstName;
        e.lastName = lastName;
        e.searchName = Mapping.displayName(firstName, lastName).toLowerCase(Locale.ROOT);
        e.sortKey = (lastName == null ? firstName : lastName + (firstName == null ? "" : " " + firstName))
                .toLowerCase(Locale.ROOT);
        e.nameKey = MatchKeys.personName(firstName, lastName);
    }

    static List<String> changes(ContactEntity e, Values v) {
        Set<String> changed = new TreeSet<>();
        CompanyServiceImpl.diff(changed, "firstName", e.firstName, v.firstName());
        CompanyServiceImpl.diff(changed, "lastName", e.lastName, v.lastName());
        CompanyServiceImpl.diff(changed, "position", e.position, v.position());
        CompanyServiceImpl.diff(changed, "phones", Mapping.phones(e.phones), v.phones());
        CompanyServiceImpl.diff(changed, "emails", List.copyOf(e.emails), v.emails());
        CompanyServiceImpl.diff(changed, "birthday", e.birthday, v.birthday());
        CompanyServiceImpl.diff(changed, "notes", e.notes, v.notes());
        CompanyServiceImpl.diff(changed, "tags", new HashSet<>(e.tags), new HashSet<>(v.tags()));
        CompanyServiceImpl.diff(changed, "customFields", new HashMap<>(e.customFields), v.customFields());
        CompanyServiceImpl.diff(changed, "owner", e.owner, v.owner());
        CompanyServiceImpl.diff(changed, "source", e.source, v.source());
        CompanyServiceImpl.diff(changed, "companyIds", List.copyOf(e.companyIds), v.companyIds());
        return new ArrayList<>(changed);
    }

    private static String name(ContactDto dto) {
        return Mapping.displayName(dto.firstName(), dto.lastName());
    }

    static String createdSummary(ContactDto dto) {
        return "Contact '" + name(dto) + "' created";
    }

    static String updatedSummary(ContactDto dto, List<String> changed) {
        return "Contact '" + name(dto) + "' updated (" + String.join(", ", changed) + ")";
    }

    static Timestamp now(Clock clock) {
        return Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private void publish(String action, Caller caller, ContactDto dto, String summary, List<Long> companyIds) {
        events.send(ENTITY, action, dto.id(), caller.username(), dto.owner(), summary, companyIds, List.of(dto.id()));
    }
}
