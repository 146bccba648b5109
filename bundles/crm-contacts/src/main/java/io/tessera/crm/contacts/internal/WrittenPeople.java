package io.tessera.crm.contacts.internal;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The name matchers of the jobs running on this server ({@link CompanyPeople}), told of every contact this bundle
 * stores: a card a colleague (or another import) links to a company a matcher has already read is found by its
 * similar-name rule from the matcher's next call, not only from the next import on. Matchers are held weakly, so a
 * job that ends simply drops its matcher. Only this JVM's writes are told, as for the key summary.
 */
final class WrittenPeople {
    private final Set<CompanyPeople> matchers = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    void listen(CompanyPeople matcher) {
        matchers.add(matcher);
    }

    /** After the contact's transaction has committed. */
    void stored(ContactEntity contact) {
        if (matchers.isEmpty() || contact.archived || contact.companyIds.isEmpty()) {
            return;
        }
        String key = MatchKeys.personName(contact.firstName, contact.lastName);
        List<Long> companies = List.copyOf(contact.companyIds);
        synchronized (matchers) {
            matchers.forEach(m -> m.written(contact.id, key, companies));
        }
    }
}
