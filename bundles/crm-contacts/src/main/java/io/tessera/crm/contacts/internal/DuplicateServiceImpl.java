package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactBatchService.NameInCompany;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.DuplicateGroup;
import io.tessera.crm.api.contacts.DuplicateService;
import io.tessera.crm.api.contacts.MergeConflict;
import io.tessera.crm.api.contacts.MergeRecord;
import io.tessera.crm.support.jpa.Transactions;
import io.tessera.crm.support.validation.Checks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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

/** Duplicate groups, matching and merging of companies and contacts (see {@link DuplicateService}). */
@Component(service = DuplicateService.class)
public class DuplicateServiceImpl implements DuplicateService {
    /** At most this many values of each kind are looked up by one match call. */
    private static final int MAX_MATCH_VALUES = 100;
    private static final int MAX_COMPANY_LINKS = 100;

    private final Transactions tx;
    private final Events events;
    private final Clock clock;
    private final List<DuplicateRules.Rule> contactRules = DuplicateRules.contactRules();
    private final List<DuplicateRules.Rule> companyRules = DuplicateRules.companyRules();

    @Activate
    public DuplicateServiceImpl(@Reference(target = "(osgi.unit.name=crm-contacts)") EntityManagerFactory emf,
                                @Reference EventAdmin events) {
        this(emf, events, Clock.systemUTC());
    }

    DuplicateServiceImpl(EntityManagerFactory emf, EventAdmin events, Clock clock) {
        this.tx = new Transactions(emf);
        this.events = new Events(events);
        this.clock = clock;
        SchemaUpkeep.run(emf);
    }

    // ---------------------------------------------------------------- groups

    @Override
    public Page<DuplicateGroup> contactDuplicates(Caller caller, Paging paging) {
        Paging p = paging == null ? Paging.FIRST : paging;
        return tx.read(em -> DuplicateRules.page(em, caller, contactRules, p));
    }

    @Override
    public Page<DuplicateGroup> companyDuplicates(Caller caller, Paging paging) {
        Paging p = paging == null ? Paging.FIRST : paging;
        return tx.read(em -> DuplicateRules.page(em, caller, companyRules, p));
    }

    // ---------------------------------------------------------------- matching

    @Override
    public List<Long> matchContacts(Caller caller, ContactInput input) {
        if (input == null) {
            return List.of();
        }
        List<String> emails = keys(input.emails(), MatchKeys::email);
        List<String> phones = keys(input.phones(), MatchKeys::phone);
        String nameKey = MatchKeys.personName(input.firstName(), input.lastName());
        List<Long> companies = input.companyIds() == null ? List.of()
                : input.companyIds().stream().filter(Objects::nonNull).distinct().limit(MAX_MATCH_VALUES).toList();
        String mine = caller.seesAll() ? "" : " AND c.owner = :me";
        return tx.read(em -> {
            Set<Long> ids = new TreeSet<>();
            if (!emails.isEmpty()) {
                ids.addAll(ids(em, caller, "SELECT DISTINCT c.id FROM ContactEntity c JOIN c.emails x"
                        + " WHERE c.archived = false AND x IN :v" + mine, "v", emails));
            }
            if (!phones.isEmpty()) {
                ids.addAll(ids(em, caller, "SELECT DISTINCT c.id FROM ContactEntity c JOIN c.phones p"
                        + " WHERE c.archived = false AND p.matchKey IN :v" + mine, "v", phones));
            }
            if (nameKey != null && !companies.isEmpty()) {
                MatchQueries.similarNames(em, caller, companies.stream().map(company -> new NameInCompany(
                        input.firstName(), input.lastName(), company)).toList()).values().forEach(ids::addAll);
            }
            return List.copyOf(ids);
        });
    }

    @Override
    public List<Long> matchCompanies(Caller caller, CompanyInput input) {
        if (input == null) {
            return List.of();
        }
        String taxKey = MatchKeys.taxId(input.taxId());
        String domain = input.website() == null || input.website().isBlank() ? null
                : Normalize.domain(new Checks(), "website", input.website().strip());
        String nameKey = MatchKeys.companyName(input.name());
        String mine = caller.seesAll() ? "" : " AND c.owner = :me";
        return tx.read(em -> {
            Set<Long> ids = new TreeSet<>();
            String base = "SELECT c.id FROM CompanyEntity c WHERE c.archived = false" + mine + " AND ";
            if (taxKey != null) {
                ids.addAll(ids(em, caller, base + "c.taxKey = :v", "v", taxKey));
            }
            if (domain != null) {
                ids.addAll(ids(em, caller, base + "c.domain = :v", "v", domain));
            }
            if (nameKey != null) {
                ids.addAll(ids(em, caller, base + "c.nameKey = :v", "v", nameKey));
            }
            return List.copyOf(ids);
        });
    }

    private static <T> List<String> keys(Collection<T> values, java.util.function.Function<T, String> key) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (T v : values) {
            String k = v == null ? null : key.apply(v);
            if (k != null && !k.isEmpty() && !out.contains(k) && out.size() < MAX_MATCH_VALUES) {
                out.add(k);
            }
        }
        return out;
    }

    private static List<Long> ids(EntityManager em, Caller caller, String jpql, Object... params) {
        javax.persistence.TypedQuery<Long> q = em.createQuery(jpql, Long.class);
        for (int i = 0; i < params.length; i += 2) {
            q.setParameter((String) params[i], params[i + 1]);
        }
        if (!caller.seesAll()) {
            q.setParameter("me", caller.username());
        }
        return q.getResultList();
    }

    // ---------------------------------------------------------------- merging

    /** What a merge transaction hands to the event after the commit. */
    private record Merged<D>(D survivor, String summary, List<Long> companyIds, List<Long> contactIds) {
    }

    @Override
    public ContactDto mergeContacts(Caller caller, long survivorId, long mergedId, Long expectedSurvivorVersion) {
        checkDistinct(survivorId, mergedId);
        Merged<ContactDto> result = tx.write(em -> {
            ContactEntity s = ContactServiceImpl.find(em, caller, survivorId);
            ContactEntity m = ContactServiceImpl.find(em, caller, mergedId);
            checkMergeable(ContactServiceImpl.ENTITY, expectedSurvivorVersion,
                    new Card(s.id, s.version, s.archived, s.mergedInto),
                    new Card(m.id, m.version, m.archived, m.mergedInto));
            FieldMerge fields = new FieldMerge();
            Map<String, Object> before = MergeAdditions.values(s);
            Set<Long> companyIds = new LinkedHashSet<>(s.companyIds);
            companyIds.addAll(m.companyIds);

            String first = fields.scalar("firstName", s.firstName, m.firstName);
            String last = fields.scalar("lastName", s.lastName, m.lastName);
            ContactServiceImpl.setNames(s, first, last);
            s.position = fields.scalar("position", s.position, m.position);
            s.birthday = fields.scalar("birthday", s.birthday, m.birthday);
            s.notes = fields.scalar("notes", s.notes, m.notes);
            s.source = fields.scalar("source", s.source, m.source);
            fields.scalar("owner", s.owner, m.owner);
            s.phones = fields.phones(s.phones, m.phones);
            s.emails = fields.list("emails", s.emails, m.emails, Normalize.MAX_EMAILS);
            s.tags = fields.tags(s.tags, m.tags);
            s.customFields = fields.customFields(s.customFields, m.customFields);
            s.companyIds = fields.list("companyIds", s.companyIds, m.companyIds, MAX_COMPANY_LINKS);

            Timestamp now = now();
            s.updatedAt = now;
            m.archived = true;
            m.mergedInto = s.id;
            m.updatedAt = now;
            record(em, ContactServiceImpl.ENTITY, s.id, m.id, now, caller, fields.conflicts()).added =
                    MergeAdditions.added(before, MergeAdditions.values(s));
            em.flush();
            String summary = "Contact '" + Mapping.displayName(m.firstName, m.lastName) + "' (#" + m.id
                    + ") merged into '" + Mapping.displayName(s.firstName, s.lastName) + "' (#" + s.id + ")"
                    + fields.note();
            return new Merged<>(Mapping.contact(s), summary, List.copyOf(companyIds), List.of(m.id, s.id));
        });
        events.sendMerged(ContactServiceImpl.ENTITY, mergedId, survivorId, caller.username(),
                result.survivor().owner(), result.summary(), result.companyIds(), result.contactIds());
        return result.survivor();
    }

    @Override
    public CompanyDto mergeCompanies(Caller caller, long survivorId, long mergedId, Long expectedSurvivorVersion) {
        checkDistinct(survivorId, mergedId);
        Merged<CompanyDto> result = tx.write(em -> {
            CompanyEntity s = CompanyServiceImpl.find(em, caller, survivorId);
            CompanyEntity m = CompanyServiceImpl.find(em, caller, mergedId);
            checkMergeable(CompanyServiceImpl.ENTITY, expectedSurvivorVersion,
                    new Card(s.id, s.version, s.archived, s.mergedInto),
                    new Card(m.id, m.version, m.archived, m.mergedInto));
            FieldMerge fields = new FieldMerge();
            Map<String, Object> before = MergeAdditions.values(s);

            CompanyServiceImpl.setName(s, fields.scalar("name", s.name, m.name));
            s.legalName = fields.scalar("legalName", s.legalName, m.legalName);
            CompanyServiceImpl.setTaxId(s, fields.scalar("taxId", s.taxId, m.taxId));
            s.industry = fields.scalar("industry", s.industry, m.industry);
            if (s.website == null) {
                s.website = m.website;
                s.domain = m.domain;
            } else {
                fields.scalar("website", s.website, m.website);
            }
            s.address = fields.address(s.address, m.address);
            fields.scalar("owner", s.owner, m.owner);
            s.phones = fields.phones(s.phones, m.phones);
            s.emails = fields.list("emails", s.emails, m.emails, Normalize.MAX_EMAILS);
            s.tags = fields.tags(s.tags, m.tags);
            s.customFields = fields.customFields(s.customFields, m.customFields);

            Timestamp now = now();
            List<MovedContactEmbeddable> moved = CompanyMergeLinks.repoint(em, m.id, s.id, now);
            s.updatedAt = now;
            m.archived = true;
            m.mergedInto = s.id;
            m.updatedAt = now;
            MergeEntity merge = record(em, CompanyServiceImpl.ENTITY, s.id, m.id, now, caller, fields.conflicts());
            merge.movedContacts = new ArrayList<>(moved);
            merge.added = MergeAdditions.added(before, MergeAdditions.values(s));
            em.flush();
            String summary = "Company '" + m.name + "' (#" + m.id + ") merged into '" + s.name + "' (#" + s.id + ")"
                    + fields.note();
            return new Merged<>(Mapping.company(s), summary, List.of(m.id, s.id),
                    moved.stream().map(mv -> mv.contactId).toList());
        });
        events.sendMerged(CompanyServiceImpl.ENTITY, mergedId, survivorId, caller.username(),
                result.survivor().owner(), result.summary(), result.companyIds(), result.contactIds());
        return result.survivor();
    }

    @Override
    public List<MergeRecord> contactMergeHistory(Caller caller, long contactId) {
        return tx.read(em -> {
            ContactServiceImpl.find(em, caller, contactId);
            return history(em, ContactServiceImpl.ENTITY, contactId);
        });
    }

    @Override
    public List<MergeRecord> companyMergeHistory(Caller caller, long companyId) {
        return tx.read(em -> {
            CompanyServiceImpl.find(em, caller, companyId);
            return history(em, CompanyServiceImpl.ENTITY, companyId);
        });
    }

    private static List<MergeRecord> history(EntityManager em, String kind, long id) {
        List<MergeRecord> out = new ArrayList<>();
        for (MergeEntity m : em.createQuery("SELECT m FROM MergeEntity m WHERE m.kind = :kind"
                        + " AND (m.survivorId = :id OR m.mergedId = :id) ORDER BY m.mergedAt, m.id", MergeEntity.class)
                .setParameter("kind", kind).setParameter("id", id).getResultList()) {
            out.add(new MergeRecord(m.survivorId, m.mergedId, Mapping.instant(m.mergedAt), m.mergedBy,
                    m.conflicts.stream().map(MergeConflictEmbeddable::toConflict).toList()));
        }
        return out;
    }

    private static MergeEntity record(EntityManager em, String kind, long survivorId, long mergedId, Timestamp at,
                                      Caller caller, List<MergeConflict> conflicts) {
        MergeEntity m = new MergeEntity();
        m.kind = kind;
        m.survivorId = survivorId;
        m.mergedId = mergedId;
        m.mergedAt = at;
        m.mergedBy = caller.username();
        m.conflicts = new ArrayList<>(conflicts.stream().map(MergeConflictEmbeddable::new).toList());
        em.persist(m);
        return m;
    }

    private static void checkDistinct(long survivorId, long mergedId) {
        if (survivorId == mergedId) {
            throw new ValidationException("mergeId", "must differ from the id of the card it is merged into");
        }
    }

    /** What a merge checks of either card. */
    private record Card(long id, long version, boolean archived, Long mergedInto) {
    }

    /** Both cards are live (an archived or merged card is restored first); the survivor is at the version expected. */
    private static void checkMergeable(String entity, Long expectedSurvivorVersion, Card survivor, Card merged) {
        if (expectedSurvivorVersion != null && survivor.version() != expectedSurvivorVersion) {
            throw new StaleVersionException(entity, survivor.id(), expectedSurvivorVersion, survivor.version());
        }
        checkLive(entity, survivor, "; restore it first or merge into another card");
        checkLive(entity, merged, "; restore it first to merge it");
    }

    private static void checkLive(String entity, Card card, String advice) {
        if (!card.archived()) {
            return;
        }
        String why = card.mergedInto() != null ? " (it was merged into " + card.mergedInto() + ")" : "";
        throw new ConflictException(entity + " " + card.id() + " is archived" + why + advice);
    }




    private Timestamp now() {
        return Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
