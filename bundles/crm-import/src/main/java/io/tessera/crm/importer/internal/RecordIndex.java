package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactBatchService.KeySummary;
import io.tessera.crm.api.contacts.ContactBatchService.NameInCompany;
import io.tessera.crm.api.contacts.DuplicateService;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import io.tessera.crm.support.collect.BloomFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Duplicate keys ("e:mail", "p:+7912...", "n:ivan petrov|acme", "t:taxid", "d:domain") to record ids: what the
 * current buffer's rows match. Before a buffer is decided, {@link #lookUp} asks the contacts bundle (indexed bulk
 * lookups, {@link ContactBatchService#matchContacts} and friends, by the rules of its duplicate detection: phones by
 * their last ten digits, similar names within a company, company names without legal forms) which live records the
 * buffer's values belong to (only values that a {@link KeySummary} of the base taken at the start, or a Bloom filter
 * of the keys this import wrote, says may exist); rows of the buffer then add the keys of the records they create.
 * Once a buffer is written its records are in the database, so the next buffer starts from an empty map: memory does
 * not grow with the file or the base. A dry run writes nothing, so there the map keeps what earlier buffers "created".
 */
final class RecordIndex {
    private final Map<String, Long> contacts = new HashMap<>();
    private final Map<String, Long> companies = new HashMap<>();
    /** The keys added for provisional (negative) ids, until the record is written; null when not tracked (dry run). */
    private final Map<Long, List<String>> provisional;
    private final boolean dryRun;
    /** The base's match keys when the import started (so values no record has are not looked up). */
    private final KeySummary base;
    /** The keys of what this import wrote: later rows may match those (not in {@link #base}). */
    private final BloomFilter written;

    RecordIndex(boolean dryRun, KeySummary base, long rowsTotal) {
        this.dryRun = dryRun;
        this.provisional = dryRun ? null : new HashMap<>();
        this.base = base;
        this.written = new BloomFilter(Math.max(1000, rowsTotal * 3));
    }

    /** Looks up the records the buffer's values match in the database (after forgetting the previous buffer's). */
    void lookUp(Caller caller, ContactBatchService batch, Entity entity, List<Draft> drafts) {
        if (!dryRun) {
            contacts.clear();
            companies.clear();
            provisional.clear();
        }
        List<Draft> live = drafts.stream().filter(d -> !d.rejected()).toList();
        if (entity == Entity.COMPANIES) {
            put(companies, "t:", batch.matchCompanies(caller, DuplicateService.RULE_TAX_ID,
                    values(live, DuplicateService.RULE_TAX_ID, "t:", true, d -> one(d.taxId))), true);
            put(companies, "d:", batch.matchCompanies(caller, DuplicateService.RULE_DOMAIN,
                    values(live, DuplicateService.RULE_DOMAIN, "d:", false, d -> one(d.domain))), false);
            put(companies, "n:", batch.matchCompanies(caller, DuplicateService.RULE_NAME,
                    values(live, DuplicateService.RULE_NAME, "n:", true, d -> one(d.name))), true);
            return;
        }
        put(companies, "n:", batch.matchCompanies(caller, DuplicateService.RULE_NAME,
                values(live, DuplicateService.RULE_NAME, "n:", true, d -> one(d.company))), true);
        put(contacts, "e:", batch.matchContacts(caller, DuplicateService.RULE_EMAIL,
                values(live, DuplicateService.RULE_EMAIL, "e:", false, d -> d.emails)), false);
        put(contacts, "p:", batch.matchContacts(caller, DuplicateService.RULE_PHONE,
                values(live, DuplicateService.RULE_PHONE, "p:", false, d -> d.phones)), false);
        Map<NameInCompany, Draft> byName = new HashMap<>();
        for (Draft d : live) {
            Long company = d.company == null ? null : companyByName(d.company);
            if (company != null && company > 0) {
                byName.putIfAbsent(new NameInCompany(d.firstName, d.lastName, company), d);
            }
        }
        if (!byName.isEmpty()) {
            batch.matchContactsByName(caller, byName.keySet()).forEach((name, id) -> {
                Draft d = byName.get(name);
                contacts.putIfAbsent(Draft.personKey(d.firstName, d.lastName, d.company), id);
            });
        }
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** The buffer's values worth a lookup: those the base may have, or that this import may have written. */
    private Set<String> values(List<Draft> drafts, String rule, String prefix, boolean lowerCase,
                               Function<Draft, List<String>> values) {
        Set<String> out = new HashSet<>();
        for (Draft d : drafts) {
            for (String v : values.apply(d)) {
                if (base.mightMatch(rule, v)
                        || written.mightContain(prefix + (lowerCase ? v.toLowerCase(Locale.ROOT) : v))) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static void put(Map<String, Long> map, String prefix, Map<String, Long> found, boolean lowerCase) {
        found.forEach((value, id) -> map.putIfAbsent(prefix + (lowerCase ? value.toLowerCase(Locale.ROOT) : value),
                id));
    }

    void addCompany(long id, String name, String taxId, String domain) {
        if (name != null) {
            written.add("n:" + name.toLowerCase(Locale.ROOT));
        }
        if (taxId != null) {
            companies.putIfAbsent("t:" + taxId.toLowerCase(Locale.ROOT), id);
        }
        if (domain != null) {
            companies.putIfAbsent("d:" + domain, id);
        }
        if (name != null) {
            companies.putIfAbsent("n:" + name.toLowerCase(Locale.ROOT), id);
        }
    }

    void addKeys(Entity entity, List<String> keys, long id) {
        Map<String, Long> map = entity == Entity.COMPANIES ? companies : contacts;
        keys.forEach(written::add);
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

    Long companyByName(String name) {
        return companies.get("n:" + name.toLowerCase(Locale.ROOT));
    }
}
