package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactBatchService.KeySummary;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.support.jpa.Transactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Bulk writes of contacts and companies in one transaction per call, with the single-record services' checks
 * ({@link ContactServiceImpl#validate}, {@link CompanyServiceImpl#validate}, the same apply/diff code). How a batch is
 * written item by item is {@link BatchWrites}; this class says it for each kind of record. New records are written
 * by {@link NewRecordRows} as JDBC batches grouped by table, {@value BatchWrites#FLUSH_EVERY} records at a time;
 * updates go through JPA (persistence.xml {@code eclipselink.jdbc.batch-writing}). Records to update are read with one
 * query per call (their element collections batch-fetched, {@link Preloads}), not one per record.
 */
@Component(service = ContactBatchService.class)
public class ContactBatchServiceImpl implements ContactBatchService {
    private final Transactions tx;
    private final BatchWrites writes;
    private final UserService users;
    private final KeySummaryCache keys;
    private final Clock clock;

    @Activate
    public ContactBatchServiceImpl(@Reference(target = "(osgi.unit.name=crm-contacts)") EntityManagerFactory emf,
                                   @Reference EventAdmin events, @Reference UserService users,
                                   @Reference KeySummaryCache keys) {
        this(emf, events, users, keys, Clock.systemUTC());
    }

    ContactBatchServiceImpl(EntityManagerFactory emf, EventAdmin events, UserService users, KeySummaryCache keys,
                            Clock clock) {
        this.tx = new Transactions(emf);
        this.writes = new BatchWrites(tx, new Events(events), clock);
        this.users = users;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public KeySummary keySummary(Caller caller) {
        return keys.summary();
    }

    @Override
    public Map<String, Long> matchContacts(Caller caller, String rule, Collection<String> values) {
        return tx.read(em -> MatchQueries.contacts(em, caller, rule, values));
    }

    @Override
    public Map<NameInCompany, Long> matchContactsByName(Caller caller, Collection<NameInCompany> names) {
        return new CompanyPeople(tx, caller).match(names);
    }

    @Override
    public NameMatcher nameMatcher(Caller caller) {
        CompanyPeople matcher = new CompanyPeople(tx, caller);
        keys.listen(matcher);
        return matcher;
    }

    @Override
    public Map<String, Long> matchCompanies(Caller caller, String rule, Collection<String> values) {
        return tx.read(em -> MatchQueries.companies(em, caller, rule, values));
    }

    @Override
    public Map<String, String> matchKeys(String rule, Collection<String> values) {
        return MatchQueries.keys(rule, values);
    }

    @Override
    public List<List<Integer>> similarNameGroups(List<String> fullNames) {
        List<String> keys = new ArrayList<>(fullNames.size());
        for (String name : fullNames) {
            String key = name == null ? null : MatchKeys.personName(name, null);
            keys.add(key == null ? "" : key);
        }
        // a blank name groups with nothing: its key "" has no words, and equal keys are left out below
        return NameClusters.of(keys).stream()
                .map(c -> c.stream().filter(i -> !keys.get(i).isEmpty()).toList())
                .filter(c -> c.size() > 1).toList();
    }

    @Override
    public List<ContactDto> getContacts(Caller caller, Collection<Long> ids) {
        return tx.read(em -> ContactCards.read(em, caller, List.copyOf(ids)));
    }

    @Override
    public List<CompanyDto> getCompanies(Caller caller, Collection<Long> ids) {
        return tx.read(em -> Preloads.preload(em, CompanyEntity.class, List.copyOf(ids), Preloads.COMPANY_COLLECTIONS)
                .stream()
                .filter(e -> caller.mayAccess(e.owner)).map(Mapping::company).toList());
    }

    @Override
    public List<BatchResult> createContacts(Caller caller, List<ContactInput> inputs) {
        return writes.create(ContactServiceImpl.ENTITY, caller, inputs,
                (em, all) -> Preloads.companies(em, all.stream().map(ContactInput::companyIds)),
                (em, input, now) -> ContactServiceImpl.newContact(
                        ContactServiceImpl.validate(em, caller, input, null, users, clock), now),
                NewRecordRows::insertContacts, keys::stored, e -> BatchResult.ok(e.id, e.version),
                e -> Events.record(ContactServiceImpl.ENTITY, e.id, caller.username(), e.owner,
                        "Contact '" + Mapping.displayName(e.firstName, e.lastName) + "' created", e.companyIds,
                        List.of(e.id)));
    }

    @Override
    public List<BatchResult> updateContacts(Caller caller, List<ContactUpdate> updates) {
        return writes.update(ContactServiceImpl.ENTITY, caller, updates, ContactUpdate::id,
                (em, id) -> ContactServiceImpl.find(em, caller, id), e -> e.version,
                em -> {
                    Preloads.preload(em, ContactEntity.class, updates.stream().map(ContactUpdate::id).toList(),
                            Preloads.CONTACT_COLLECTIONS);
                    Preloads.companies(em,
                            updates.stream().map(u -> u.input() == null ? null : u.input().companyIds()));
                },
                (em, u, e, now) -> {
                    ContactServiceImpl.checkUpdatable(e, u.expectedVersion());
                    ContactServiceImpl.Values v = ContactServiceImpl.validate(em, caller, u.input(), e, users, clock);
                    List<String> changed = ContactServiceImpl.changes(e, v);
                    if (changed.isEmpty()) {
                        return null;
                    }
                    Set<Long> companies = new LinkedHashSet<>(v.companyIds());
                    companies.addAll(e.companyIds);
                    ContactServiceImpl.apply(e, v);
                    e.updatedAt = now;
                    return Events.record(ContactServiceImpl.ENTITY, e.id, caller.username(), e.owner,
                            "Contact '" + Mapping.displayName(e.firstName, e.lastName) + "' updated ("
                                    + String.join(", ", changed) + ")", new ArrayList<>(companies), List.of(e.id));
                }, keys::stored);
    }

    @Override
    public List<BatchResult> createCompanies(Caller caller, List<CompanyInput> inputs) {
        return writes.create(CompanyServiceImpl.ENTITY, caller, inputs, (em, all) -> { },
                (em, input, now) -> CompanyServiceImpl.newCompany(
                        CompanyServiceImpl.validate(caller, input, null, users), now),
                NewRecordRows::insertCompanies, keys::stored, e -> BatchResult.ok(e.id, e.version),
                e -> Events.record(CompanyServiceImpl.ENTITY, e.id, caller.username(), e.owner,
                        "Company '" + e.name + "' created", List.of(e.id), List.of()));
    }

    @Override
    public List<BatchResult> updateCompanies(Caller caller, List<CompanyUpdate> updates) {
        return writes.update(CompanyServiceImpl.ENTITY, caller, updates, CompanyUpdate::id,
                (em, id) -> CompanyServiceImpl.find(em, caller, id), e -> e.version,
                em -> Preloads.preload(em, CompanyEntity.class, updates.stream().map(CompanyUpdate::id).toList(),
                        Preloads.COMPANY_COLLECTIONS),
                (em, u, e, now) -> {
                    CompanyServiceImpl.checkUpdatable(e, u.expectedVersion());
                    CompanyServiceImpl.Values v = CompanyServiceImpl.validate(caller, u.input(), e.owner, users);
                    List<String> changed = CompanyServiceImpl.changes(e, v);
                    if (changed.isEmpty()) {
                        return null;
                    }
                    CompanyServiceImpl.apply(e, v);
                    e.updatedAt = now;
                    return Events.record(CompanyServiceImpl.ENTITY, e.id, caller.username(), e.owner,
                            "Company '" + e.name + "' updated (" + String.join(", ", changed) + ")", List.of(e.id),
                            List.of());
                }, keys::stored);
    }

    @Override
    public List<BatchResult> archiveContacts(Caller caller, List<Long> ids) {
        Timestamp now = ContactServiceImpl.now(clock);
        return writes.archive(ContactServiceImpl.ENTITY, caller, ids, ContactEntity.class,
                Preloads.CONTACT_COLLECTIONS,
                (em, id) -> ContactServiceImpl.find(em, caller, id), e -> {
                    boolean changed = !e.archived;
                    e.archived = true;
                    e.updatedAt = changed ? now : e.updatedAt;
                    return changed;
                }, e -> BatchResult.ok(e.id, e.version),
                e -> Events.record(ContactServiceImpl.ENTITY, e.id, caller.username(), e.owner,
                        "Contact '" + Mapping.displayName(e.firstName, e.lastName) + "' archived",
                        new ArrayList<>(e.companyIds), List.of(e.id)));
    }

    @Override
    public List<BatchResult> archiveCompanies(Caller caller, List<Long> ids) {
        Timestamp now = ContactServiceImpl.now(clock);
        return writes.archive(CompanyServiceImpl.ENTITY, caller, ids, CompanyEntity.class,
                Preloads.COMPANY_COLLECTIONS,
                (em, id) -> CompanyServiceImpl.find(em, caller, id), e -> {
                    boolean changed = !e.archived;
                    e.archived = true;
                    e.updatedAt = changed ? now : e.updatedAt;
                    return changed;
                }, e -> BatchResult.ok(e.id, e.version),
                e -> Events.record(CompanyServiceImpl.ENTITY, e.id, caller.username(), e.owner,
                        "Company '" + e.name + "' archived", List.of(e.id), List.of()));
    }
}
