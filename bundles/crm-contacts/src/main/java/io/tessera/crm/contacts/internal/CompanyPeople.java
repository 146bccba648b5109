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
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@link io.tessera.crm.api.contacts.ContactBatchService#nameMatcher} (and {@code matchContactsByName}, a matcher for
 * one call): the people of the companies a job has named, read once each ({@link MatchQueries#people}) and kept by
 * the words of their name keys. Two similar names share a word ({@link SimilarNames}), so a name is compared only
 * with the people who have one of its words, not with the whole company: with every row of a file naming one
 * company, both the reading and the comparing were quadratic.
 * Besides what the job adds, it takes in the contacts stored on this server by anyone while it runs
 * ({@link WrittenPeople}, at its next call): a card a colleague links to a company already read, or renames, is
 * matched by its new name; one a colleague takes out of the company stays a candidate of that company.
 * Its memory is bounded: it indexes about {@value #MAX_PEOPLE} people (some 60 MB of heap at worst, when every word
 * is a name's own). Beyond that, the people of a company it reads are kept in a plain list and compared with every
 * name, and the people the job adds are no longer taken in: in a company that large, a person the job wrote is found
 * by a similar name from the next job on (by e-mail or phone at once, as always). Once full, a call naming a company
 * not read yet first forgets the companies that call does not name. A match is checked to be live before it is
 * given (one read by primary key of the matched ids): a card archived since its company was read is not matched.
 */
final class CompanyPeople implements NameMatcher {
    static final int MAX_PEOPLE = 100_000;

    private record Person(long id, String key) {
    }

    /** A contact stored by anyone, with the companies it links to. */
    private record Written(long id, String key, List<Long> companies) {
    }

    /** One company's people: word → the people with that word in their name key, in the order read or added. */
    private static final class People {
        final Map<String, List<Person>> byWord = new HashMap<>();
        /** Those read once the matcher was full. */
        final List<Person> unindexed = new ArrayList<>();
        /** The name key each person is kept by. */
        final Map<Long, String> keyOf = new HashMap<>();
        int size;

        /** Takes out people no longer live or renamed (the counts stay: the limit errs on the side of less memory). */
        void remove(Set<Long> ids) {
            byWord.values().forEach(list -> list.removeIf(p -> ids.contains(p.id())));
            unindexed.removeIf(p -> ids.contains(p.id()));
            keyOf.keySet().removeAll(ids);
        }
    }

    private final Transactions tx;
    private final Caller caller;
    private final int maxPeople;
    private final Map<Long, People> byCompany = new HashMap<>();
    /** Told from the writers' threads, taken in on the job's. */
    private final Queue<Written> written = new ConcurrentLinkedQueue<>();
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
        takeInWritten();
        List<Long> named = names.stream().map(NameInCompany::companyId).distinct().toList();
        List<Long> unread = named.stream().filter(c -> !byCompany.containsKey(c)).toList();
        if (!unread.isEmpty()) {
            if (people >= maxPeople) {
                byCompany.keySet().retainAll(named);
                people = byCompany.values().stream().mapToInt(p -> p.size).sum();
            }
            Map<Long, Map<Long, String>> read = tx.read(em -> MatchQueries.people(em, caller, unread));
            for (Long company : unread) {
                byCompany.put(company, new People());
                read.getOrDefault(company, Map.of()).forEach((id, key) -> add(company, id, key));
            }
        }
        Map<NameInCompany, Long> out = firstOfEach(names);
        Set<Long> gone = gone(out.values());
        while (!gone.isEmpty()) {
            Set<Long> archived = gone;
            byCompany.values().forEach(of -> of.remove(archived));
            out = firstOfEach(names);
            gone = gone(out.values());
        }
        return out;
    }

    private Map<NameInCompany, Long> firstOfEach(Collection<NameInCompany> names) {
        Map<NameInCompany, Long> out = new LinkedHashMap<>();
        for (NameInCompany n : names) {
            Long id = first(byCompany.get(n.companyId()), MatchKeys.personName(n.firstName(), n.lastName()));
            if (id != null) {
                out.put(n, id);
            }
        }
        return out;
    }

    /** Those of the matched contacts that have been archived (or given to another owner) since they were read. */
    private Set<Long> gone(Collection<Long> matched) {
        if (matched.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = matched.stream().distinct().toList();
        Set<Long> live = tx.read(em -> MatchQueries.visibleIds(em, caller, "ContactEntity", ids));
        Set<Long> gone = new HashSet<>(ids);
        gone.removeAll(live);
        return gone;
    }

    @Override
    public void added(long contactId, NameInCompany name) {
        put(name.companyId(), contactId, MatchKeys.personName(name.firstName(), name.lastName()));
    }

    /** {@link WrittenPeople}: a contact was stored (by this job or anyone else); any thread. */
    void written(long contactId, String key, List<Long> companies) {
        written.add(new Written(contactId, key, companies));
    }

    private void takeInWritten() {
        for (Written w = written.poll(); w != null; w = written.poll()) {
            for (Long company : w.companies()) {
                put(company, w.id(), w.key());
            }
        }
    }

    /** Into a company already read, unless the person is there by that key already (the job's own writes come twice). */
    private void put(long company, long id, String key) {
        People of = byCompany.get(company);
        if (of == null) {
            return;
        }
        if (of.keyOf.containsKey(id)) {
            if (Objects.equals(of.keyOf.get(id), key)) {
                return;
            }
            of.remove(Set.of(id));
        }
        if (people < maxPeople) {
            add(company, id, key);
        }
    }

    private void add(long company, long id, String key) {
        if (key == null) {
            return;
        }
        Person p = new Person(id, key);
        People of = byCompany.get(company);
        of.keyOf.put(id, key);
        if (people >= maxPeople) {
            of.unindexed.add(p);
        } else {
            for (String word : new HashSet<>(SimilarNames.words(key))) {
                of.byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(p);
            }
        }
        of.size++;
        people++;
    }

    /** The lowest id of the company's people with a name similar to the key. */
    private static Long first(People of, String key) {
        if (of == null || key == null) {
            return null;
        }
        Long best = null;
        for (String word : new HashSet<>(SimilarNames.words(key))) {
            best = lowest(of.byWord.getOrDefault(word, List.of()), key, best);
        }
        return lowest(of.unindexed, key, best);
    }

    private static Long lowest(List<Person> people, String key, Long best) {
        for (Person p : people) {
            if ((best == null || p.id() < best) && SimilarNames.similar(key, p.key())) {
                best = p.id();
            }
        }
        return best;
    }
}
