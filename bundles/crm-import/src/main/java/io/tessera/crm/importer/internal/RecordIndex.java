package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactBatchService.KeySummary;
import io.tessera.crm.api.contacts.ContactBatchService.NameInCompany;
import io.tessera.crm.api.contacts.ContactBatchService.NameMatcher;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.DuplicateService;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Duplicate keys ("e:mail", "p:9123456789", "n:ivan petrov|ромашка", "t:TAXID", "d:domain") to record ids: what the
 * current buffer's rows match. The keys are the contacts bundle's own match keys ({@link ContactBatchService#matchKeys}:
 * phones by their last ten digits, company names without legal forms, names in any word order; rows naming one
 * company with similar names share a key, {@link ContactBatchService#similarNameGroups}), so rows of one buffer are
 * compared with each other exactly as they are compared with the base. Before a buffer is decided,
 * {@link #lookUp} asks the contacts bundle (indexed bulk lookups, {@link ContactBatchService#matchContacts} and
 * friends, by the rules of its duplicate detection; similar names within a company through one
 * {@link ContactBatchService#nameMatcher} for the whole import, which reads each company's people once) which live
 * records the buffer's values belong to (only values that the live {@link KeySummary} of the base says may exist: it
 * holds what earlier buffers wrote as well); rows of the buffer then add the keys of the records they create.
 * Once a buffer is written its records are in the database, so the next buffer starts from an empty map: memory does
 * not grow with the file or the base. A dry run writes nothing, so there the map keeps what earlier buffers "created".
 */
final class RecordIndex {
    /** The prefix of each rule's keys. */
    private static final Map<String, String> PREFIXES = Map.of(DuplicateService.RULE_EMAIL, "e:",
            DuplicateService.RULE_PHONE, "p:", DuplicateService.RULE_TAX_ID, "t:", DuplicateService.RULE_DOMAIN, "d:",
            DuplicateService.RULE_NAME, "n:");
    private static final int EARLIER_PEOPLE_PER_COMPANY = 2000;
    private final Map<String, Long> contacts = new HashMap<>();
    private final Map<String, Long> companies = new HashMap<>();
    /** The keys added for provisional (negative) ids, until the record is written; null when not tracked (dry run). */
    private final Map<Long, List<String>> provisional;
    private final boolean dryRun;
    /**
     * The base's match keys, so that values no record has are not looked up. Live: what earlier buffers wrote is in
     * it, and a card a colleague saves while the import runs is in it once saved. (What a dry run "wrote" is in no
     * database: the dry run finds it in the maps, which it keeps across buffers.)
     */
    private final KeySummary base;
    /** The current buffer's values by rule, with their match keys ({@link ContactBatchService#matchKeys}). */
    private final Map<String, Map<String, String>> keyOf = new HashMap<>();
    /** The person key of rows of the current buffer with a similar name in the same company. */
    private final Map<Draft, String> samePerson = new IdentityHashMap<>();
    /**
     * Dry run only (null otherwise): the people of earlier buffers by company key, so that a similar name in a later
     * buffer is found as the real run finds it in the database; at most {@value #EARLIER_PEOPLE_PER_COMPANY} a company
     * (beyond that the dry run compares the company's names exactly).
     */
    private final Map<String, List<Person>> earlierPeople;

    private record Person(String fullName, String key) {
    }

    /** The people of the companies the rows name, matched by similar name ({@link ContactBatchService#nameMatcher}). */
    private NameMatcher people;

    RecordIndex(boolean dryRun, KeySummary base) {
        this.dryRun = dryRun;
        this.provisional = dryRun ? null : new HashMap<>();
        this.earlierPeople = dryRun ? new HashMap<>() : null;
        this.base = base;
    }

    /** Looks up the records the buffer's values match in the database (after forgetting the previous buffer's). */
    void lookUp(Caller caller, ContactBatchService batch, Entity entity, List<Draft> drafts) {
        if (!dryRun) {
            contacts.clear();
            companies.clear();
            provisional.clear();
        }
        List<Draft> live = drafts.stream().filter(d -> !d.rejected()).toList();
        keysOf(batch, entity, live);
        if (entity == Entity.COMPANIES) {
            put(companies, DuplicateService.RULE_TAX_ID, batch.matchCompanies(caller, DuplicateService.RULE_TAX_ID,
                    values(live, DuplicateService.RULE_TAX_ID, d -> one(d.taxId))));
            put(companies, DuplicateService.RULE_DOMAIN, batch.matchCompanies(caller, DuplicateService.RULE_DOMAIN,
                    values(live, DuplicateService.RULE_DOMAIN, d -> one(d.domain))));
            put(companies, DuplicateService.RULE_NAME, batch.matchCompanies(caller, DuplicateService.RULE_NAME,
                    values(live, DuplicateService.RULE_NAME, d -> one(d.name))));
            return;
        }
        put(companies, DuplicateService.RULE_NAME, batch.matchCompanies(caller, DuplicateService.RULE_NAME,
                values(live, DuplicateService.RULE_NAME, d -> d.companies)));
        put(contacts, DuplicateService.RULE_EMAIL, batch.matchContacts(caller, DuplicateService.RULE_EMAIL,
                values(live, DuplicateService.RULE_EMAIL, d -> d.emails)));
        put(contacts, DuplicateService.RULE_PHONE, batch.matchContacts(caller, DuplicateService.RULE_PHONE,
                values(live, DuplicateService.RULE_PHONE, d -> d.phones)));
        Map<NameInCompany, Draft> byName = new HashMap<>();
        for (Draft d : live) {
            Long company = d.company == null ? null : companyByName(d.company);
            if (company != null && company > 0) {
                byName.putIfAbsent(new NameInCompany(d.firstName, d.lastName, company), d);
            }
        }
        if (!byName.isEmpty()) {
            if (people == null) {
                people = batch.nameMatcher(caller);
            }
            people.match(byName.keySet()).forEach((name, id) -> {
                String key = personKey(byName.get(name));
                if (key != null) {
                    contacts.putIfAbsent(key, id);
                }
            });
        }
    }

    /** Asks the contacts bundle for the match keys of the buffer's values (rows are compared by those). */
    private void keysOf(ContactBatchService batch, Entity entity, List<Draft> drafts) {
        keyOf.clear();
        if (entity == Entity.COMPANIES) {
            keysOf(batch, DuplicateService.RULE_TAX_ID, drafts, d -> one(d.taxId));
            keysOf(batch, DuplicateService.RULE_DOMAIN, drafts, d -> one(d.domain));
            keysOf(batch, DuplicateService.RULE_NAME, drafts, d -> one(d.name));
        } else {
            keysOf(batch, DuplicateService.RULE_NAME, drafts, d -> d.companies);
            keysOf(batch, DuplicateService.RULE_EMAIL, drafts, d -> d.emails);
            keysOf(batch, DuplicateService.RULE_PHONE, drafts, d -> d.phones);
            keysOf(batch, DuplicateService.RULE_NAME_IN_COMPANY, drafts, d -> one(d.fullName()));
            samePeople(batch, drafts);
        }
    }

    /**
     * Rows of the buffer naming the same company with similar names ({@link ContactBatchService#similarNameGroups})
     * get one person key: the first such row's.
     */
    private void samePeople(ContactBatchService batch, List<Draft> drafts) {
        samePerson.clear();
        Map<String, List<Draft>> byCompany = new LinkedHashMap<>();
        for (Draft d : drafts) {
            String company = key(DuplicateService.RULE_NAME, d.company);
            if (company != null && d.fullName() != null) {
                byCompany.computeIfAbsent(company, k -> new ArrayList<>()).add(d);
            }
        }
        byCompany.forEach((company, rows) -> {
            List<Person> earlier = earlierPeople == null ? List.of() : earlierPeople.getOrDefault(company, List.of());
            if (rows.size() + earlier.size() > 1) {
                List<String> names = new ArrayList<>(earlier.stream().map(Person::fullName).toList());
                rows.forEach(d -> names.add(d.fullName()));
                for (List<Integer> group : batch.similarNameGroups(names)) {
                    int first = group.get(0);
                    String key = first < earlier.size() ? earlier.get(first).key() : "n:"
                            + key(DuplicateService.RULE_NAME_IN_COMPANY, rows.get(first - earlier.size()).fullName())
                            + "|" + company;
                    group.stream().filter(i -> i >= earlier.size())
                            .forEach(i -> samePerson.put(rows.get(i - earlier.size()), key));
                }
            }
            if (earlierPeople != null) {
                List<Person> people = earlierPeople.computeIfAbsent(company, k -> new ArrayList<>());
                for (Draft d : rows) {
                    if (people.size() < EARLIER_PEOPLE_PER_COMPANY) {
                        people.add(new Person(d.fullName(), personKey(d)));
                    }
                }
            }
        });
    }

    private void keysOf(ContactBatchService batch, String rule, List<Draft> drafts,
                        Function<Draft, List<String>> values) {
        Set<String> all = new HashSet<>();
        drafts.forEach(d -> all.addAll(values.apply(d)));
        keyOf.put(rule, all.isEmpty() ? Map.of() : batch.matchKeys(rule, all));
    }

    /** The match key of a value of the current buffer under the rule, or null when it has none. */
    private String key(String rule, String value) {
        return value == null ? null : keyOf.getOrDefault(rule, Map.of()).get(value);
    }

    /** The row's duplicate keys: its e-mails, phones and name in its company, or a company's tax id, domain, name. */
    List<String> keys(Entity entity, Draft d) {
        List<String> keys = new ArrayList<>();
        if (entity == Entity.COMPANIES) {
            add(keys, DuplicateService.RULE_TAX_ID, d.taxId);
            add(keys, DuplicateService.RULE_DOMAIN, d.domain);
            add(keys, DuplicateService.RULE_NAME, d.name);
        } else {
            d.emails.forEach(e -> add(keys, DuplicateService.RULE_EMAIL, e));
            d.phones.forEach(p -> add(keys, DuplicateService.RULE_PHONE, p));
            String person = personKey(d);
            if (person != null) {
                keys.add(person);
            }
        }
        return keys;
    }

    private void add(List<String> keys, String rule, String value) {
        String k = prefixedKey(rule, value);
        if (k != null && !keys.contains(k)) {
            keys.add(k);
        }
    }

    /** The rule's prefix + the value's match key ("e:ivan@x.ru"), or null when the value has none. */
    private String prefixedKey(String rule, String value) {
        String k = key(rule, value);
        return k == null ? null : PREFIXES.get(rule) + k;
    }

    /** "n:" + the name's key + "|" + the company name's key: the same person in the same company. */
    private String personKey(Draft d) {
        String same = samePerson.get(d);
        if (same != null) {
            return same;
        }
        String company = key(DuplicateService.RULE_NAME, d.company);
        String name = key(DuplicateService.RULE_NAME_IN_COMPANY, d.fullName());
        return company == null || name == null ? null : "n:" + name + "|" + company;
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** The buffer's values worth a lookup: those the base may have. */
    private Set<String> values(List<Draft> drafts, String rule, Function<Draft, List<String>> values) {
        Set<String> out = new HashSet<>();
        for (Draft d : drafts) {
            for (String v : values.apply(d)) {
                if (prefixedKey(rule, v) != null && base.mightMatch(rule, v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private void put(Map<String, Long> map, String rule, Map<String, Long> found) {
        found.forEach((value, id) -> {
            String k = prefixedKey(rule, value);
            if (k != null) {
                map.putIfAbsent(k, id);
            }
        });
    }

    /** The import has written the contact: the similar-name rule finds it in its companies from now on. */
    void written(long contactId, ContactInput contact) {
        if (people != null && contact.companyIds() != null) {
            for (Long company : contact.companyIds()) {
                people.added(contactId, new NameInCompany(contact.firstName(), contact.lastName(), company));
            }
        }
    }

    /** A company this import created for a row of the current buffer. */
    void addCompany(long id, String name) {
        String k = key(DuplicateService.RULE_NAME, name);
        if (k != null) {
            companies.putIfAbsent("n:" + k, id);
        }
    }

    void addKeys(Entity entity, List<String> keys, long id) {
        Map<String, Long> map = entity == Entity.COMPANIES ? companies : contacts;
        keys.forEach(k -> map.putIfAbsent(k, id));
        if (id < 0 && provisional != null) {
            provisional.computeIfAbsent(id, x -> new ArrayList<>()).addAll(keys);
        }
    }

    /** The record with the provisional id {@code from} was written as {@code to}. */
    void renumber(Entity entity, long from, long to) {
        Map<String, Long> map = entity == Entity.COMPANIES ? companies : contacts;
        List<String> keys = provisional == null ? null : provisional.remove(from);
        if (keys != null) {
            keys.forEach(k -> map.replace(k, from, to));
        }
    }

    /** The record with the provisional id was not written: its keys no longer match anything. */
    void forget(Entity entity, long id) {
        Map<String, Long> map = entity == Entity.COMPANIES ? companies : contacts;
        List<String> keys = provisional == null ? null : provisional.remove(id);
        if (keys != null) {
            keys.forEach(k -> map.remove(k, id));
        }
    }

    /** The record the first matching key points at, or null. */
    Long find(Entity entity, List<String> keys) {
        Map<String, Long> map = entity == Entity.COMPANIES ? companies : contacts;
        for (String k : keys) {
            Long id = map.get(k);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    /** The company a name of the current buffer matches. */
    Long companyByName(String name) {
        String k = key(DuplicateService.RULE_NAME, name);
        return k == null ? null : companies.get("n:" + k);
    }
}
