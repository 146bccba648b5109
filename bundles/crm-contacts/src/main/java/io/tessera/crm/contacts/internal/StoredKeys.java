package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.contacts.ContactBatchService.KeySummary;
import io.tessera.crm.contacts.internal.MatchQueries.Source;
import io.tessera.crm.support.collect.BloomFilter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

/**
 * {@link KeySummary} over the stored match keys: one {@link BloomFilter} per rule (thread-safe, growing). {@link #fill}
 * walks each key's index in key order, {@value #PAGE} keys per query (keyset paging: no key is held longer than its
 * page; no DISTINCT, which would make Derby sort everything after the page start; a repeated key is added twice, and
 * the rest of a key's repeats beyond a page boundary are skipped, which changes nothing); {@link #add(ContactEntity)}
 * and {@link #add(CompanyEntity)} add the keys of a record written since.
 */
final class StoredKeys implements KeySummary {
    private static final int PAGE = 10_000;
    /**
     * Each filter has room for at least this many keys (125 KB): a summary read from a small base then does not grow
     * layer by layer, each layer adding its own wrong "maybe"s, while the base fills.
     */
    private static final long MIN_KEYS = 100_000;
    /** Beyond this many layers (the base has grown about fifteen-fold since it was read) it is read again. */
    private static final int MAX_LAYERS = 4;
    private final Map<Source, BloomFilter> filters = new EnumMap<>(Source.class);

    /** Empty filters sized for the keys stored now. */
    StoredKeys(EntityManager em) {
        Map<String, Long> rows = new HashMap<>(); // the three company rules share one table: count it once
        for (Source s : Source.values()) {
            long count = rows.computeIfAbsent(s.table, table ->
                    ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue());
            filters.put(s, new BloomFilter(Math.max(MIN_KEYS, count * 2)));
        }
    }

    /** True when the filters have grown so far past their size that reading the keys again makes them sharper. */
    boolean outgrown() {
        return layers() > MAX_LAYERS;
    }

    /** The most layers a filter has grown to (1 while none holds more keys than it was sized for). */
    int layers() {
        return filters.values().stream().mapToInt(BloomFilter::layers).max().orElse(1);
    }

    @Override
    public boolean mightMatch(String rule, String value) {
        Source source;
        try {
            source = Source.valueOf(rule);
        } catch (IllegalArgumentException | NullPointerException e) {
            return true; // a rule this summary does not know: never claim "no"
        }
        String key = source.key(value);
        return key != null && filters.get(source).mightContain(key);
    }

    /** Adds every stored key, as the columns hold them. */
    StoredKeys fill(EntityManager em) {
        for (Source s : Source.values()) {
            read(em, s, filters.get(s));
        }
        return this;
    }

    void add(ContactEntity contact) {
        contact.emails.forEach(filters.get(Source.EMAIL)::add);
        for (PhoneEmbeddable phone : contact.phones) {
            add(Source.PHONE, phone.matchKey());
        }
    }

    void add(CompanyEntity company) {
        add(Source.TAX_ID, company.taxKey);
        add(Source.DOMAIN, company.domain);
        add(Source.NAME, company.nameKey);
    }

    private void add(Source source, String key) {
        if (key != null && !key.isEmpty()) {
            filters.get(source).add(key);
        }
    }

    private static void read(EntityManager em, Source s, BloomFilter filter) {
        String last = "";
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object> keys = em.createNativeQuery("SELECT " + s.keyColumn + " FROM " + s.table
                            + " --DERBY-PROPERTIES index=" + s.index + "\n WHERE " + s.keyColumn + " > ? ORDER BY "
                            + s.keyColumn + " FETCH FIRST " + PAGE + " ROWS ONLY")
                    .setParameter(1, last).getResultList();
            for (Object k : keys) {
                filter.add((String) k);
            }
            if (keys.size() < PAGE) {
                return;
            }
            last = (String) keys.get(keys.size() - 1);
        }
    }
}
