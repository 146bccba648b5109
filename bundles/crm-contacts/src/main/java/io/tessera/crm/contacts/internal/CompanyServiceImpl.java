package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.support.jpa.ArchivedStatesQuery;
import io.tessera.crm.support.jpa.Transactions;
import io.tessera.crm.support.validation.Checks;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Companies, stored in this bundle's CON_ tables. */
@Component(service = CompanyService.class)
public class CompanyServiceImpl implements CompanyService {
    static final String ENTITY = "company";
    private static final Map<String, String> SORTS = ListQuery.sorts(
            "name", "sortKey", "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final Transactions tx;
    private final Events events;
    private final UserService users;
    private final KeySummaryCache keys;
    private final Clock clock;

    @Activate
    public CompanyServiceImpl(@Reference(target = "(osgi.unit.name=crm-contacts)") EntityManagerFactory emf,
                              @Reference EventAdmin events, @Reference UserService users,
                              @Reference KeySummaryCache keys) {
        this(emf, events, users, keys, Clock.systemUTC());
    }

    CompanyServiceImpl(EntityManagerFactory emf, EventAdmin events, UserService users, KeySummaryCache keys,
                       Clock clock) {
        this.tx = new Transactions(emf);
        this.events = new Events(events);
        this.users = users;
        this.keys = keys;
        this.clock = clock;
    }

    /** The checked, cleaned-up input. */
    record Values(String name, String legalName, String taxId, String industry, String website, String domain,
                          List<String> phones, List<String> emails, Address address, Set<String> tags,
                          Map<String, String> customFields, String owner) {
    }

    /** Checks everything at once; {@code currentOwner} is null on create. Shared with {@link ContactBatchServiceImpl}. */
    static Values validate(Caller caller, CompanyInput in, String currentOwner, UserService users) {
        if (in == null) {
            throw new ValidationException("body", "is required");
        }
        Checks checks = new Checks();
        String website = Normalize.text(checks, "website", in.website(), 300);
        Values v = new Values(
                Normalize.requiredText(checks, "name", in.name(), 200),
                Normalize.text(checks, "legalName", in.legalName(), 200),
                Normalize.text(checks, "taxId", in.taxId(), 32),
                Normalize.text(checks, "industry", in.industry(), 100),
                website,
                website == null || website.length() > 300 ? null : Normalize.domain(checks, "website", website),
                Normalize.phones(checks, in.phones()),
                Normalize.emails(checks, in.emails()),
                Normalize.address(checks, in.address()),
                Normalize.tags(checks, in.tags()),
                CustomFields.encode(checks, in.customFields()),
                Normalize.owner(checks, caller, in.owner(), currentOwner, users));
        checks.throwIfAny();
        return v;
    }

    @Override
    public CompanyDto create(Caller caller, CompanyInput input) {
        Values v = validate(caller, input, null, users);
        CompanyEntity created = tx.write(em -> {
            CompanyEntity e = newCompany(v, ContactServiceImpl.now(clock));
            em.persist(e);
            em.flush();
            return e;
        });
        keys.stored(created);
        CompanyDto dto = Mapping.company(created);
        publish(CrmEvents.CREATED, caller, dto, createdSummary(dto));
        return dto;
    }

    @Override
    public CompanyDto get(Caller caller, long id) {
        return tx.read(em -> Mapping.company(find(em, caller, id)));
    }

    @Override
    public CompanyDto update(Caller caller, long id, long expectedVersion, CompanyInput input) {
        List<String> changed = new ArrayList<>();
        CompanyEntity updated = tx.write(em -> {
            CompanyEntity e = find(em, caller, id);
            checkUpdatable(e, expectedVersion);
            Values v = validate(caller, input, e.owner, users);
            changed.addAll(changes(e, v));
            if (!changed.isEmpty()) {
                apply(e, v);
                e.updatedAt = ContactServiceImpl.now(clock);
                em.flush();
            }
            return e;
        });
        CompanyDto dto = Mapping.company(updated);
        if (!changed.isEmpty()) {
            keys.stored(updated);
            publish(CrmEvents.UPDATED, caller, dto, updatedSummary(dto, changed));
        }
        return dto;
    }

    @Override
    public CompanyDto archive(Caller caller, long id) {
        return setArchived(caller, id, true);
    }

    @Override
    public CompanyDto restore(Caller caller, long id) {
        return setArchived(caller, id, false);
    }

    /** Archiving leaves the company's contacts as they are. Archiving an archived record changes nothing. */
    private CompanyDto setArchived(Caller caller, long id, boolean archived) {
        boolean[] changed = {false};
        Long[] mergedInto = {null};
        CompanyDto dto = tx.write(em -> {
            CompanyEntity e = find(em, caller, id);
            if (e.archived != archived) {
                e.archived = archived;
                if (!archived && e.mergedInto != null) {
                    // restoring a merged card undoes the merge: the event tells the other bundles which survivor
                    mergedInto[0] = e.mergedInto;
                    e.mergedInto = null;
                    CompanyMergeLinks.restore(em, e.id, mergedInto[0], ContactServiceImpl.now(clock));
                    MergeAdditions.takeBack(em, ENTITY, e.id, mergedInto[0], ContactServiceImpl.now(clock));
                }
                e.updatedAt = ContactServiceImpl.now(clock);
                em.flush();
                changed[0] = true;
            }
            return Mapping.company(e);
        });
        if (changed[0]) {
            events.send(ENTITY, archived ? CrmEvents.ARCHIVED : CrmEvents.RESTORED, dto.id(), mergedInto[0],
                    caller.username(), dto.owner(), "Company '" + dto.name() + "' " + (archived ? "archived"
                            : mergedInto[0] != null ? "restored (merge into " + mergedInto[0] + " undone)"
                            : "restored"), List.of(dto.id()), List.of());
        }
        return dto;
    }

    @Override
    public Page<CompanyDto> list(Caller caller, RecordQuery query) {
        RecordQuery q = query == null ? RecordQuery.all() : query;
        ListQuery<CompanyEntity> lq = ListQuery.of(CompanyEntity.class, caller, q, List.of("sortKey", "legalName"),
                SORTS, "name");
        return tx.read(em -> lq.page(em, q.paging(), Mapping::company));
    }

    @Override
    public boolean isArchived(Caller caller, long id) {
        return tx.read(em -> ContactServiceImpl.isArchived(em, caller, "CompanyEntity", ENTITY, id));
    }

    @Override
    public Map<Long, Boolean> archivedStates(Caller caller, Collection<Long> ids) {
        return tx.read(em -> ArchivedStatesQuery.read(em, caller, "CompanyEntity", ids));
    }

    static CompanyEntity find(EntityManager em, Caller caller, long id) {
        CompanyEntity e = em.find(CompanyEntity.class, id);
        if (e == null || !caller.mayAccess(e.owner)) {
            throw new NotFoundException(ENTITY, id);
        }
        return e;
    }

    /** A new entity with the checked values, created and updated at {@code now}. */
    static CompanyEntity newCompany(Values v, Timestamp now) {
        CompanyEntity e = new CompanyEntity();
        apply(e, v);
        e.createdAt = now;
        e.updatedAt = now;
        return e;
    }

    /** An update needs the version the caller saw and a live record. */
    static void checkUpdatable(CompanyEntity e, long expectedVersion) {
        if (e.version != expectedVersion) {
            throw new StaleVersionException(ENTITY, e.id, expectedVersion, e.version);
        }
        if (e.archived) {
            throw new ConflictException("company " + e.id + " is archived; restore it first");
        }
    }

    static String createdSummary(CompanyDto dto) {
        return "Company '" + dto.name() + "' created";
    }

    static String updatedSummary(CompanyDto dto, List<String> changed) {
        return "Company '" + dto.name() + "' updated (" + String.join(", ", changed) + ")";
    }

    static void apply(CompanyEntity e, Values v) {
        setName(e, v.name());
        e.legalName = v.legalName();
        setTaxId(e, v.taxId());
        e.industry = v.industry();
        e.website = v.website();
        e.domain = v.domain();
        e.phones = new ArrayList<>(v.phones().stream().map(PhoneEmbeddable::new).toList());
        e.emails = new ArrayList<>(v.emails());
        e.address = AddressEmbeddable.of(v.address());
        e.tags = new HashSet<>(v.tags());
        e.customFields = new java.util.HashMap<>(v.customFields());
        e.owner = v.owner();
    }

    /** The name and what is derived from it (sorting, duplicate matching). */
    static void setName(CompanyEntity e, String name) {
        e.name = name;
        e.sortKey = name.toLowerCase(Locale.ROOT);
        e.nameKey = MatchKeys.companyName(name);
    }

    static void setTaxId(CompanyEntity e, String taxId) {
        e.taxId = taxId;
        e.taxKey = MatchKeys.taxId(taxId);
    }

    /** The JSON names of the fields the update changes, alphabetically. */
    static List<String> changes(CompanyEntity e, Values v) {
        Set<String> changed = new TreeSet<>();
        diff(changed, "name", e.name, v.name());
        diff(changed, "legalName", e.legalName, v.legalName());
        diff(changed, "taxId", e.taxId, v.taxId());
        diff(changed, "industry", e.industry, v.industry());
        diff(changed, "website", e.website, v.website());
        diff(changed, "phones", Mapping.phones(e.phones), v.phones());
        diff(changed, "emails", List.copyOf(e.emails), v.emails());
        diff(changed, "address", e.address == null ? null : e.address.toAddress(), v.address());
        diff(changed, "tags", new HashSet<>(e.tags), new HashSet<>(v.tags()));
        diff(changed, "customFields", new java.util.HashMap<>(e.customFields), v.customFields());
        diff(changed, "owner", e.owner, v.owner());
        return new ArrayList<>(changed);
    }

    static void diff(Set<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private void publish(String action, Caller caller, CompanyDto dto, String summary) {
        events.send(ENTITY, action, dto.id(), caller.username(), dto.owner(), summary, List.of(dto.id()), List.of());
    }
}
