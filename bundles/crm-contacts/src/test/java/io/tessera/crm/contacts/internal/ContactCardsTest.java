package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static io.tessera.crm.contacts.internal.Fixtures.OLGA;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.contacts.internal.Fixtures.Users;
import io.tessera.crm.support.jpa.Transactions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** {@link ContactCards} reads the same cards as the entities mapped by {@link Mapping#contact}. */
public class ContactCardsTest extends ContactsTestBase {
    @Test
    public void readsEveryFieldAndCollectionInOrderAsTheEntityDoes() {
        long acme = company(IVAN, "Acme");
        long globex = company(IVAN, "Globex");
        Map<String, Object> custom = customFieldsOfEveryType();
        long full = contacts.create(IVAN, new ContactInput("Ivan", "Petrov", "CEO",
                List.of("+7 (912) 345-67-89", "8 495 123-45-67", "+994 12 555 11 22"),
                List.of("Ivan@Acme.com", "ivan@globex.ru"), LocalDate.of(1980, 5, 17), "Likes tea",
                Set.of("vip", "decision-maker", "imported"), custom, null, "website", List.of(globex, acme))).id();
        long bare = contacts.create(OLGA, new ContactInput("Olga", null, null, null, null, null, null, null, null,
                null, null, null)).id();
        contacts.archive(OLGA, bare);
        long admins = contact(ADMIN, "Anna", "Sidorova", List.of("+7 903 000-00-01"), List.of(), List.of(acme));

        assertEquals(List.of(contacts.get(ADMIN, bare), contacts.get(ADMIN, full), contacts.get(ADMIN, admins)),
                read(ADMIN, List.of(bare, full, 424242L, full, admins)));
        assertEquals(List.of(contacts.get(IVAN, full)), read(IVAN, List.of(bare, full, admins)));
        assertEquals(List.of(), read(OLGA, List.of(full, admins)));
        assertEquals(entities(ADMIN, List.of(bare, full, admins)), sorted(read(ADMIN, List.of(admins, full, bare))));
    }

    @Test
    public void readsMoreCardsThanOneStatementTakes() {
        ContactBatchServiceImpl batch = new ContactBatchServiceImpl(emf, events, new Users(), keys, clock);
        long acme = company(ADMIN, "Acme");
        List<ContactInput> inputs = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            inputs.add(new ContactInput("Name" + i, "Last" + i, null, List.of("+7 912 000-" + (1000 + i)),
                    List.of("p" + i + "@acme.ru"), null, null, Set.of("t" + i % 7), Map.of(), null, null,
                    i % 3 == 0 ? List.of(acme) : List.of()));
        }
        List<Long> ids = batch.createContacts(ADMIN, inputs).stream().map(BatchResult::id).toList();

        List<ContactDto> read = read(ADMIN, ids);
        assertEquals(1_001, read.size());
        assertEquals(ids, read.stream().map(ContactDto::id).toList());
        assertEquals(entities(ADMIN, ids), sorted(read));
        assertTrue(read.get(0).companyIds().contains(acme));
    }

    private List<ContactDto> read(Caller caller, List<Long> ids) {
        return new Transactions(emf).read(em -> ContactCards.read(em, caller, ids));
    }

    /** The cards as {@code getContacts} read them before: the entities through {@link Preloads}, mapped. */
    private List<ContactDto> entities(Caller caller, List<Long> ids) {
        return sorted(new Transactions(emf).read(em -> Preloads.preload(em, ContactEntity.class, ids,
                Preloads.CONTACT_COLLECTIONS).stream().filter(e -> caller.mayAccess(e.owner)).map(Mapping::contact)
                .toList()));
    }

    private static List<ContactDto> sorted(List<ContactDto> cards) {
        return cards.stream().sorted(Comparator.comparingLong(ContactDto::id)).toList();
    }
}
