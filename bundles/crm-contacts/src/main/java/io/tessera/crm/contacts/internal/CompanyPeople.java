package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.contacts.ContactBatchService.NameInCompany;
import io.tessera.crm.api.contacts.ContactBatchService.NameMatcher;
import io.tessera.crm.support.jpa.Transactions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link io.tessera.crm.api.contacts.ContactBatchService#nameMatcher}: the people of the companies a job has named,
 * read once each ({@link MatchQueries#people}) and kept by the words of their name keys. Two similar names share a
 * word ({@link SimilarNames}), so a name is compared only with the people who have one of its words, not with the
 * whole company: with every row of a file naming one company, both the reading and the comparing were quadratic.
 * Beyond {@value #MAX_PEOPLE} people (some 50 MB of heap at worst, when every word is a name's own) the matcher forgets
 * them all and reads again what the next call needs, so its memory stays bounded however long the file; a company
 * larger than that is read again for every call, as before the matcher.
 */
final class CompanyPeople implements NameMatcher {
    static final int MAX_PEOPLE = 100_000;

    private record Person(long id, String key) {
    }

    private final Transactions tx;
    private final Caller caller;
    private final int maxPeople;
    /** Company id → word → the people with that word in their name key, in the order read or added. */
    private final Map<Long, Map<String, List<Person>>> byCompany = new HashMap<>();
    private int people;

    CompanyPeople(Transactions tx, Caller caller) {
        this(tx, caller, MAX_PEOPLE);
    }

    CompanyPeople(Transactions tx, Caller caller, int maxPeople) {
        this.tx = tx;
        this.caller = caller;
        this.maxPeople = maxPeople;
    }

    @Override
    public Map<NameInCompany, Long> match(Collection<NameInCompany> names) {
        if (people > maxPeople) {
            forget();
        }
        List<Long> unread = names.stream().map(NameInCompany::companyId).distinct()
                .filter(c -> !byCompany.containsKey(c)).toList();
        if (!unread.isEmpty()) {
            Map<Long, Map<Long, String>> read = tx.read(em -> MatchQueries.people(em, caller, unread));
            for (Long company : unread) {
                byCompany.put(company, new HashMap<>());
                read.getOrDefault(company, Map.of()).forEach((id, key) -> add(company, id, key));
            }
        }
        Map<NameInCompany, Long> out = new LinkedHashMap<>();
        for (NameInCompany n : names) {
            Long id = first(byCompany.get(n.companyId()), MatchKeys.personName(n.firstName(), n.lastName()));
            if (id != null) {
                out.put(n, id);
            }
        }
        return out;
    }

    @Override
    public void added(long contactId, NameInCompany name) {
        if (people > maxPeople) {
            forget();
        } else if (byCompany.containsKey(name.companyId())) {
            add(name.companyId(), contactId, MatchKeys.personName(name.firstName(), name.lastName()));
        }
    }

    /** Drops every company read: the next call reads those it names again (with what the job has written since). */
    private void forget() {
        byCompany.clear();
        people = 0;
    }

    private void add(long company, long id, String key) {
        if (key == null) {
            return;
        }
        Person p = new Person(id, key);
        Map<String, List<Person>> byWord = byCompany.get(company);
        for (String word : new HashSet<>(SimilarNames.words(key))) {
            byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(p);
        }
        people++;
    }

    /** The lowest id of the company's people with a name similar to the key. */
    private static Long first(Map<String, List<Person>> byWord, String key) {
        if (byWord == null || key == null) {
            return null;
        }
        Long best = null;
        for (String word : new HashSet<>(SimilarNames.words(key))) {
            for (Person p : byWord.getOrDefault(word, List.of())) {
                if ((best == null || p.id() < best) && SimilarNames.similar(key, p.key())) {
                    best = p.id();
                }
            }
        }
        return best;
    }
}
