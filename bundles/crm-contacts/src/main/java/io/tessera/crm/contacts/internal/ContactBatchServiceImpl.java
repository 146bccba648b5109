package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.ValidationException;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Bulk writes of contacts and companies in one transaction per call, with the single-record services' checks
 * ({@link ContactServiceImpl#validate}, {@link CompanyServiceImpl#validate}, the same apply/diff code). New records
 * are written by {@link NewRecordRows} as JDBC batches grouped by table, {@value #FLUSH_EVERY} records at a time;
 * updates go through JPA (persistence.xml {@code eclipselink.jdbc.batch-writing}). Records to update are read with one
 * query per call (their element collections batch-fetched), not one per record.
 */
@Component(service = ContactBatchService.class)
public class ContactBatchServiceImpl implements ContactBatchService {
    static final int FLUSH_EVERY = 1000;
    /** Ids per IN list when reading records to update (Derby handles long IN lists, but keep statements small). */
    private static final int READ_CHUNK = 500;
    private static final String[] CONTACT_COLLECTIONS = {"phones", "emails", "tags", "customFields", "companyIds"};
    private static final String[] COMPANY_COLLECTIONS = {"phones", "emails", "tags", "customFields"};

    private final Transactions tx;
    private final Events events;
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
        this.events = new Events(events);
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
        return tx.read(em -> MatchQueries.names(em, caller, names));
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
        return tx.read(em -> preload(em, ContactEntity.class, List.copyOf(ids), CONTACT_COLLECTIONS).stream()
                .filter(e -> caller.mayAccess(e.owner)).map(Mapping::contact).toList());
    }

    @Override
    public List<CompanyDto> getCompanies(Caller caller, Collection<Long> ids) {
        return tx.read(em -> preload(em, CompanyEntity.class, List.copyOf(ids), COMPANY_COLLECTIONS).stream()
                .filter(e -> caller.mayAccess(e.owner)).map(Mapping::company).toList());
    }

    @Override
    public List<BatchResult> createContacts(Caller caller, List<ContactInput> inputs) {
        return create(ContactServiceImpl.ENTITY, caller, inputs,
                (em, all) -> preloadCompanies(em, all.stream().map(ContactInput::companyIds)),
                (em, input, now) -> ContactServiceImpl.newContact(
                        ContactServiceImpl.validate(em, caller, input, null, users, clock), now),
                NewRecordRows::insertContacts, keys::stored, e -> BatchResult.ok(e.id, e.version),
                e -> Events.record(ContactServiceImpl.ENTITY, e.id, caller.username(), e.owner,
                        "Contact '" + Mapping.displayName(e.firstName, e.lastName) + "' created", e.companyIds,
                        List.of(e.id)));
    }

    /** Builds a new entity from an input (validated: a {@link ValidationException} rejects the item). */
    private interface Builder<I, E> {
        E build(EntityManager em, I input, Timestamp now);
    }

    /**
     * Validates every input, writes the valid ones {@value #FLUSH_EVERY} at a time with {@code insert} (one
     * transaction for the call), hands each to {@code stored} and posts one batch event for them after the commit.
     * {@code prepare} first reads in one go what validating them one by one would read.
     */
    private <I, E> List<BatchResult> create(String entity, Caller caller, List<I> inputs,
                                            BiConsumer<EntityManager, List<I>> prepare, Builder<I, E> builder,
                                            BiConsumer<EntityManager, List<E>> insert, Consumer<E> stored,
                                            Function<E, BatchResult> ok, Function<E, Map<String, Object>> record) {
        BatchResult[] results = new BatchResult[inputs.size()];
        List<Map<String, Object>> records = new ArrayList<>();
        List<E> written = new ArrayList<>();
        if (!inputs.isEmpty()) {
            tx.write(em -> {
                Timestamp now = ContactServiceImpl.now(clock);
                prepare.accept(em, inputs);
                List<E> pending = new ArrayList<>();
                List<Integer> positions = new ArrayList<>();
                for (int i = 0; i < inputs.size(); i++) {
                    try {
                        pending.add(builder.build(em, inputs.get(i), now));
                        positions.add(i);
                    } catch (ValidationException ex) {
                        results[i] = BatchResult.failed(ex);
                    }
                    if (pending.size() >= FLUSH_EVERY || i == inputs.size() - 1) {
                        insert.accept(em, pending);
                        written.addAll(pending);
                        for (int k = 0; k < pending.size(); k++) {
                            results[positions.get(k)] = ok.apply(pending.get(k));
                            records.add(record.apply(pending.get(k)));
                        }
                        pending.clear();
                        positions.clear();
                    }
                }
                return null;
            });
        }
        written.forEach(stored);
        events.postBatch(entity, CrmEvents.CREATED, caller.username(), records);
        return Arrays.asList(results);
    }

    @Override
    public List<BatchResult> updateContacts(Caller caller, List<ContactUpdate> updates) {
        BatchResult[] results = new BatchResult[updates.size()];
        List<Map<String, Object>> records = new ArrayList<>();
        List<ContactEntity> changedRecords = new ArrayList<>();
        if (!updates.isEmpty()) {
            tx.write(em -> {
                Timestamp now = ContactServiceImpl.now(clock);
                preload(em, ContactEntity.class, updates.stream().map(ContactUpdate::id).toList(),
                        CONTACT_COLLECTIONS);
                preloadCompanies(em, updates.stream().map(u -> u.input() == null ? null : u.input().companyIds()));
                Set<Long> seen = new HashSet<>();
                for (int i = 0; i < updates.size(); i++) {
                    ContactUpdate u = updates.get(i);
                    try {
                        ContactEntity e = ContactServiceImpl.find(em, caller, u.id());
                        if (!seen.add(u.id())) {
                            throw new ConflictException("contact " + u.id() + " is listed twice in one batch");
                        }
                        ContactServiceImpl.checkUpdatable(e, u.expectedVersion());
                        ContactServiceImpl.Values v =
                                ContactServiceImpl.validate(em, caller, u.input(), e, users, clock);
                        List<String> changed = ContactServiceImpl.changes(e, v);
                        if (changed.isEmpty()) {
                            results[i] = BatchResult.ok(e.id, e.version);
                            continue;
                        }
                        Set<Long> companies = new LinkedHashSet<>(v.companyIds());
                        companies.addAll(e.companyIds);
                        ContactServiceImpl.apply(e, v);
                        e.updatedAt = now;
                        changedRecords.add(e);
                        results[i] = BatchResult.ok(e.id, e.version + 1);
                        records.add(Events.record(ContactServiceImpl.ENTITY, e.id, caller.username(), e.owner,
                                "Contact '" + Mapping.displayName(e.firstName, e.lastName) + "' updated ("
                                        + String.join(", ", changed) + ")",
                                new ArrayList<>(companies), List.of(e.id)));
                    } catch (CrmException ex) {
                        results[i] = BatchResult.failed(ex);
                    }
                }
                em.flush();
                return null;
            });
        }
        changedRecords.forEach(keys::stored);
        events.postBatch(ContactServiceImpl.ENTITY, CrmEvents.UPDATED, caller.username(), records);
        return Arrays.asList(results);
    }

    @Override
    public List<BatchResult> createCompanies(Caller caller, List<CompanyInput> inputs) {
        return create(CompanyServiceImpl.ENTITY, caller, inputs, (em, all) -> { },
                (em, input, now) -> CompanyServiceImpl.newCompany(
                        CompanyServiceImpl.validate(caller, input, null, users), now),
                NewRecordRows::insertCompanies, keys::stored, e -> BatchResult.ok(e.id, e.version),
                e -> Events.record(CompanyServiceImpl.ENTITY, e.id, caller.username(), e.owner,
                        "Company '" + e.name + "' created", List.of(e.id), List.of()));
    }

    @Override
    public List<BatchResult> updateCompanies(Caller caller, List<CompanyUpdate> updates) {
        BatchResult[] results = new BatchResult[updates.size()];
        List<Map<String, Object>> records = new ArrayList<>();
        List<CompanyEntity> changedRecords = new ArrayList<>();
        if (!updates.isEmpty()) {
            tx.write(em -> {
                Timestamp now = ContactServiceImpl.now(clock);
                preload(em, CompanyEntity.class, updates.stream().map(CompanyUpdate::id).toList(),
                        COMPANY_COLLECTIONS);
                Set<Long> seen = new HashSet<>();
                for (int i = 0; i < updates.size(); i++) {
                    CompanyUpdate u = updates.get(i);
                    try {
                        CompanyEntity e = CompanyServiceImpl.find(em, caller, u.id());
                        if (!seen.add(u.id())) {
                            throw new ConflictException("company " + u.id() + " is listed twice in one batch");
                        }
                        CompanyServiceImpl.checkUpdatable(e, u.expectedVersion());
                        CompanyServiceImpl.Values v = CompanyServiceImpl.validate(caller, u.input(), e.owner, users);
                        List<String> changed = CompanyServiceImpl.changes(e, v);
                        if (changed.isEmpty()) {
                            results[i] = BatchResult.ok(e.id, e.version);
                            continue;
                        }
                        CompanyServiceImpl.apply(e, v);
                        e.updatedAt = now;
                        changedRecords.add(e);
                        results[i] = BatchResult.ok(e.id, e.version + 1);
                        records.add(Events.record(CompanyServiceImpl.ENTITY, e.id, caller.username(), e.owner,
                                "Company '" + e.name + "' updated (" + String.join(", ", changed) + ")",
                                List.of(e.id), List.of()));
                    } catch (CrmException ex) {
                        results[i] = BatchResult.failed(ex);
                    }
                }
                em.flush();
                return null;
            });
        }
        changedRecords.forEach(keys::stored);
        events.postBatch(CompanyServiceImpl.ENTITY, CrmEvents.UPDATED, caller.username(), records);
        return Arrays.asList(results);
    }

    @Override
    public List<BatchResult> archiveContacts(Caller caller, List<Long> ids) {
        Timestamp now = ContactServiceImpl.now(clock);
        return archive(ContactServiceImpl.ENTITY, caller, ids, ContactEntity.class, CONTACT_COLLECTIONS,
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
        return archive(CompanyServiceImpl.ENTITY, caller, ids, CompanyEntity.class, COMPANY_COLLECTIONS,
                (em, id) -> CompanyServiceImpl.find(em, caller, id), e -> {
                    boolean changed = !e.archived;
                    e.archived = true;
                    e.updatedAt = changed ? now : e.updatedAt;
                    return changed;
                }, e -> BatchResult.ok(e.id, e.version),
                e -> Events.record(CompanyServiceImpl.ENTITY, e.id, caller.username(), e.owner,
                        "Company '" + e.name + "' archived", List.of(e.id), List.of()));
    }

    /** Archives what {@code find} finds, in one transaction; one ARCHIVED batch event for those that changed. */
    private <E> List<BatchResult> archive(String entity, Caller caller, List<Long> ids, Class<E> type,
                                          String[] collections, BiFunction<EntityManager, Long, E> find,
                                          Predicate<E> archive, Function<E, BatchResult> ok,
                                          Function<E, Map<String, Object>> record) {
        BatchResult[] results = new BatchResult[ids.size()];
        List<Map<String, Object>> records = new ArrayList<>();
        if (!ids.isEmpty()) {
            tx.write(em -> {
                preload(em, type, ids, collections);
                List<E> changed = new ArrayList<>();
                Map<Integer, E> found = new java.util.LinkedHashMap<>();
                for (int i = 0; i < ids.size(); i++) {
                    try {
                        E e = find.apply(em, ids.get(i));
                        if (archive.test(e)) {
                            changed.add(e);
                        }
                        found.put(i, e);
                    } catch (CrmException ex) {
                        results[i] = BatchResult.failed(ex);
                    }
                }
                em.flush(); // versions go up now
                changed.forEach(e -> records.add(record.apply(e)));
                found.forEach((i, e) -> results[i] = ok.apply(e));
                return null;
            });
        }
        events.postBatch(entity, CrmEvents.ARCHIVED, caller.username(), records);
        return Arrays.asList(results);
    }

    /**
     * The ids with the last one repeated up to the next of a few list sizes: the SQL of an IN list has one marker per
     * element, and Derby compiles every new SQL text (milliseconds), so a handful of sizes keeps its statement cache
     * warm. (Batch type JOIN would share the padding with the collection fetches, but Derby answers it by hashing the
     * whole collection table: slower with every record in the base.)
     */
    static <T> List<T> padded(List<T> ids) {
        int size = 8;
        while (size < ids.size()) {
            size = Math.min(size * 4, READ_CHUNK);
        }
        List<T> out = new ArrayList<>(size);
        out.addAll(ids);
        while (out.size() < size) {
            out.add(ids.get(ids.size() - 1));
        }
        return out;
    }

    /**
     * Loads the records into the persistence context with one query per {@value #READ_CHUNK} ids, their element
     * collections batch-fetched (IN), so that the {@code em.find} per item that follows does not hit the database.
     */
    /**
     * The companies the contacts link to, into the persistence context: validating a contact finds each of its
     * companies, and one by one that is a query per company and per collection of it.
     */
    private static void preloadCompanies(EntityManager em, Stream<List<Long>> companyIds) {
        List<Long> ids = companyIds.filter(Objects::nonNull).flatMap(List::stream).filter(Objects::nonNull)
                .distinct().toList();
        if (!ids.isEmpty()) {
            preload(em, CompanyEntity.class, ids, COMPANY_COLLECTIONS);
        }
    }

    private static <E> List<E> preload(EntityManager em, Class<E> type, List<Long> ids, String[] collections) {
        List<E> out = new ArrayList<>();
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += READ_CHUNK) {
            var query = em.createQuery("SELECT r FROM " + type.getSimpleName() + " r WHERE r.id IN :ids", type)
                    .setParameter("ids", padded(distinct.subList(from, Math.min(distinct.size(), from + READ_CHUNK))))
                    .setHint("eclipselink.batch.type", "IN");
            for (String c : collections) {
                query.setHint("eclipselink.batch", "r." + c);
            }
            out.addAll(query.getResultList());
        }
        return out;
    }
}
