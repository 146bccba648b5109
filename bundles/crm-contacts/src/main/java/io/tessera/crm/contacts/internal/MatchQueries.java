package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.ContactBatchService.NameInCompany;
import io.tessera.crm.api.contacts.DuplicateService;
import io.tessera.crm.support.jpa.JdbcSelect;
import io.tessera.crm.support.validation.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

/**
 * The bulk duplicate lookups of {@link ContactBatchServiceImpl}: the values are turned into match keys
 * ({@link MatchKeys}) and looked up with indexed IN queries, a few hundred keys per query (lists padded to a few
 * sizes, see {@link Preloads#padded}); live records the caller may see only.
 */
final class MatchQueries {
    private static final int CHUNK = 500;

    private MatchQueries() {
    }

    /** Where a rule's keys are stored: the table, its index on the key, the owner id and key columns, the entity. */
    enum Source {
        EMAIL("CON_CONTACT_EMAIL", "CON_CONTACT_EMAIL_IX", "CONTACT_ID", "EMAIL", "ContactEntity"),
        PHONE("CON_CONTACT_PHONE", "CON_CONTACT_PHONE_KEY_IX", "CONTACT_ID", "MATCH_KEY", "ContactEntity"),
        TAX_ID("CON_COMPANY", "CON_COMPANY_TAX_KEY_IX", "ID", "TAX_KEY", "CompanyEntity"),
        DOMAIN("CON_COMPANY", "CON_COMPANY_DOMAIN_IX", "ID", "WEB_DOMAIN", "CompanyEntity"),
        NAME("CON_COMPANY", "CON_COMPANY_NAME_KEY_IX", "ID", "NAME_KEY", "CompanyEntity");

        final String table;
        final String index;
        final String idColumn;
        final String keyColumn;
        final String entity;

        Source(String table, String index, String idColumn, String keyColumn, String entity) {
            this.table = table;
            this.index = index;
            this.idColumn = idColumn;
            this.keyColumn = keyColumn;
            this.entity = entity;
        }

        /** The stored key a value matches by, or null when it matches nothing (blank, too short...). */
        String key(String value) {
            if (value == null) {
                return null;
            }
            return switch (this) {
                case EMAIL -> MatchKeys.email(value);
                case PHONE -> {
                    String k = MatchKeys.phone(value);
                    yield k.isEmpty() ? null : k;
                }
                case TAX_ID -> MatchKeys.taxId(value);
                case DOMAIN -> value.isBlank() ? null : Normalize.domain(new Checks(), "website", value.strip());
                case NAME -> MatchKeys.companyName(value);
            };
        }

        static Source contacts(String rule) {
            if (DuplicateService.RULE_EMAIL.equals(rule) || DuplicateService.RULE_PHONE.equals(rule)) {
                return valueOf(rule);
            }
            throw new ValidationException("rule", "must be " + DuplicateService.RULE_EMAIL + " or "
                    + DuplicateService.RULE_PHONE);
        }

        static Source companies(String rule) {
            if (DuplicateService.RULE_TAX_ID.equals(rule) || DuplicateService.RULE_DOMAIN.equals(rule)
                    || DuplicateService.RULE_NAME.equals(rule)) {
                return valueOf(rule);
            }
            throw new ValidationException("rule", "must be " + DuplicateService.RULE_TAX_ID + ", "
                    + DuplicateService.RULE_DOMAIN + " or " + DuplicateService.RULE_NAME);
        }
    }

    /** {@link io.tessera.crm.api.contacts.ContactBatchService#matchKeys}. */
    static Map<String, String> keys(String rule, Collection<String> values) {
        java.util.function.UnaryOperator<String> key;
        if (DuplicateService.RULE_NAME_IN_COMPANY.equals(rule)) {
            key = v -> MatchKeys.personName(v, null);
        } else {
            Source source = EnumSet.allOf(Source.class).stream().filter(s -> s.name().equals(rule)).findFirst()
                    .orElseThrow(() -> new ValidationException("rule", "is not a duplicate rule: " + rule));
            key = source::key;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : values) {
            String k = v == null ? null : key.apply(v);
            if (k != null) {
                out.put(v, k);
            }
        }
        return out;
    }

    static Map<String, Long> contacts(EntityManager em, Caller caller, String rule, Collection<String> values) {
        return lookup(em, caller, Source.contacts(rule), values);
    }

    static Map<String, Long> companies(EntityManager em, Caller caller, String rule, Collection<String> values) {
        return lookup(em, caller, Source.companies(rule), values);
    }

    /**
     * The live contacts, visible to the caller, linked to each name's company with a similar name: reads the names of
     * the contacts linked to the companies asked about and compares them in memory ({@link SimilarNames}):
     * similarity is not an index lookup.
     */
    static Map<NameInCompany, TreeSet<Long>> similarNames(EntityManager em, Caller caller,
                                                          Collection<NameInCompany> names) {
        Map<Long, Map<Long, String>> people = people(em, caller, names.stream().map(NameInCompany::companyId)
                .distinct().toList());
        Map<NameInCompany, TreeSet<Long>> out = new LinkedHashMap<>();
        for (NameInCompany n : names) {
            String key = MatchKeys.personName(n.firstName(), n.lastName());
            people.getOrDefault(n.companyId(), Map.of()).forEach((id, nameKey) -> {
                if (SimilarNames.similar(key, nameKey)) {
                    out.computeIfAbsent(n, k -> new TreeSet<>()).add(id);
                }
            });
        }
        return out;
    }

    /**
     * The name keys of the live contacts visible to the caller linked to each company, by contact id (a company
     * without such contacts is left out): the links by the link table's company index, then the contacts by primary
     * key.
     */
    static Map<Long, Map<Long, String>> people(EntityManager em, Caller caller, List<Long> companyIds) {
        Map<Long, List<Long>> contactsByCompany = new HashMap<>();
        for (Object[] r : keyed(em, "CON_CONTACT_COMPANY", "CON_CONTACT_COMPANY_IX", "CONTACT_ID", "COMPANY_ID", companyIds)) {
            contactsByCompany.computeIfAbsent(((Number) r[1]).longValue(), k -> new ArrayList<>())
                    .add(((Number) r[0]).longValue());
        }
        Map<Long, String> nameKeys = new HashMap<>();
        List<Long> candidates = contactsByCompany.values().stream().flatMap(List::stream).distinct().toList();
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            for (Object[] r : visible(em, caller, "SELECT c.id, c.nameKey FROM ContactEntity c", Object[].class,
                    candidates.subList(from, Math.min(candidates.size(), from + CHUNK)))) {
                if (r[1] != null) {
                    nameKeys.put((Long) r[0], (String) r[1]);
                }
            }
        }
        Map<Long, Map<Long, String>> out = new HashMap<>();
        contactsByCompany.forEach((company, ids) -> ids.forEach(id -> {
            String key = nameKeys.get(id);
            if (key != null) {
                out.computeIfAbsent(company, k -> new TreeMap<>()).put(id, key);
            }
        }));
        return out;
    }

    /** Those of the ids that are live records of the entity ({@code ContactEntity}, ...) the caller may see. */
    static Set<Long> visibleIds(EntityManager em, Caller caller, String entity, List<Long> ids) {
        Set<Long> out = new LinkedHashSet<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            out.addAll(visible(em, caller, "SELECT c.id FROM " + entity + " c", Long.class,
                    ids.subList(from, Math.min(ids.size(), from + CHUNK))));
        }
        return out;
    }

    /**
     * Two steps, each an index lookup: the (owner id, key) rows with those keys, read with SQL on the key's table
     * (Derby probes the key index for an IN list on one table, but scans when the JPQL join to the owner is added),
     * then which of the owners are live and visible, by primary key.
     */
    private static Map<String, Long> lookup(EntityManager em, Caller caller, Source source,
                                            Collection<String> values) {
        Map<String, List<String>> valuesByKey = new LinkedHashMap<>();
        for (String v : values) {
            String k = source.key(v);
            if (k != null) {
                valuesByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        Map<Long, List<String>> keysById = new HashMap<>();
        for (Object[] r : keyed(em, source.table, source.index, source.idColumn, source.keyColumn,
                new ArrayList<>(valuesByKey.keySet()))) {
            keysById.computeIfAbsent(((Number) r[0]).longValue(), x -> new ArrayList<>()).add((String) r[1]);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Long id : visibleIds(em, caller, source.entity, new ArrayList<>(keysById.keySet()))) {
            for (String k : keysById.get(id)) {
                for (String v : valuesByKey.get(k)) {
                    out.merge(v, id, Math::min);
                }
            }
        }
        return out;
    }

    /**
     * The (id, key) rows of {@code table} whose {@code keyColumn} is one of {@code keys}, through {@code index}: Derby
     * keeps the plan it made when the statement was first compiled (an empty table: scan it) and then compares every
     * row with every key, so the index is named with Derby's optimizer override, a comment to any other database.
     * Sent over JDBC ({@link JdbcSelect}): EclipseLink's binding of hundreds of parameters costs more than the lookup.
     */
    static List<Object[]> keyed(EntityManager em, String table, String index, String idColumn, String keyColumn,
                                List<?> keys) {
        List<Object[]> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<?> chunk = Preloads.padded(keys.subList(from, Math.min(keys.size(), from + CHUNK)));
            out.addAll(JdbcSelect.rows(em, Preloads.indexedIn(idColumn + ", " + keyColumn, table, index, keyColumn,
                    chunk.size()), chunk));
        }
        return out;
    }

    /** {@code select} (of a record "c") for the live records among {@code ids} the caller may see. */
    private static <T> List<T> visible(EntityManager em, Caller caller, String select, Class<T> type,
                                       List<Long> ids) {
        TypedQuery<T> q = em.createQuery(select + " WHERE c.id IN :ids AND c.archived = false"
                + (caller.seesAll() ? "" : " AND c.owner = :me"), type)
                .setParameter("ids", Preloads.padded(ids));
        if (!caller.seesAll()) {
            q.setParameter("me", caller.username());
        }
        return q.getResultList();
    }
}
