package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.contacts.ContactBatchService.KeySummary;
import io.tessera.crm.support.jpa.Transactions;
import java.util.function.Consumer;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The one {@link StoredKeys} of the server, read from the database when an import first asks for it and kept current
 * from then on: every write of this bundle that stores match keys (contacts' e-mails and phones, companies' tax ids,
 * domains and names) hands the record to {@link #stored}. Reading every key takes in proportion to the base, not to
 * the file (0.8 s for 300,000 contacts, for a file of 1,000 rows as for a large one). Keys are only ever added (a
 * Bloom filter cannot forget): a key archived, merged away or rolled back since makes a "maybe", which costs an index
 * lookup, never a missed duplicate. Only this JVM's writes are seen, which is all of them with embedded Derby.
 * The contacts it is handed go on to the name matchers of running jobs ({@link WrittenPeople}): the same writes, told
 * at the same point.
 * <p>
 * Internal to this bundle: a service of a private class, so that the bundle's components share one instance.
 */
@Component(service = KeySummaryCache.class)
public class KeySummaryCache {
    private final Transactions tx;
    /** Set as soon as reading begins, so that writes committed meanwhile are added as well. */
    private volatile StoredKeys filling;
    /** Set once reading is done; what {@link #summary} gives (read again once it has {@link StoredKeys#outgrown}). */
    private volatile StoredKeys ready;
    private final WrittenPeople people = new WrittenPeople();

    @Activate
    public KeySummaryCache(@Reference(target = "(osgi.unit.name=crm-contacts)") EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
    }

    KeySummary summary() {
        StoredKeys keys = ready;
        if (keys != null && !keys.outgrown()) {
            return keys;
        }
        synchronized (this) {
            if (ready == null || ready.outgrown()) {
                StoredKeys empty = tx.read(StoredKeys::new);
                // a write that read an earlier "filling" (or none) had committed before this: the reads below see it
                filling = empty;
                ready = tx.read(empty::fill);
            }
            return ready;
        }
    }

    void stored(ContactEntity contact) {
        both(keys -> keys.add(contact));
        people.stored(contact);
    }

    /** The matcher is told of the contacts stored from now on ({@link CompanyPeople#written}). */
    void listen(CompanyPeople matcher) {
        people.listen(matcher);
    }

    void stored(CompanyEntity company) {
        both(keys -> keys.add(company));
    }

    /** While the summary is read again, the one imports already hold stays current too. */
    private void both(Consumer<StoredKeys> add) {
        StoredKeys next = filling;
        StoredKeys current = ready;
        if (next != null) {
            add.accept(next);
        }
        if (current != null && current != next) {
            add.accept(current);
        }
    }
}
