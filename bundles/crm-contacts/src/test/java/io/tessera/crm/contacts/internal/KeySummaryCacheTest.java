package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.ContactBatchService.CompanyUpdate;
import io.tessera.crm.api.contacts.ContactBatchService.ContactUpdate;
import io.tessera.crm.api.contacts.ContactBatchService.KeySummary;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.DuplicateService;
import java.util.List;
import javax.persistence.EntityManager;
import org.junit.Test;

/**
 * The summary an import asks for is read from the database once and then kept current by every write path of the
 * bundle: single and batch, create and update, contacts and companies.
 */
public class KeySummaryCacheTest extends ContactsTestBase {
    private static final String EMAIL = DuplicateService.RULE_EMAIL;
    private static final String PHONE = DuplicateService.RULE_PHONE;
    private static final String TAX_ID = DuplicateService.RULE_TAX_ID;
    private static final String DOMAIN = DuplicateService.RULE_DOMAIN;
    private static final String NAME = DuplicateService.RULE_NAME;

    @Test
    public void storedKeysAreReadOnceAndEveryWriteSinceIsInTheSummary() {
        ContactBatchServiceImpl batch = new ContactBatchServiceImpl(emf, events, new Fixtures.Users(), keys, clock);
        long stored = contact("Ivan", "Petrov", List.of("+7 912 345-67-89"), List.of("ivan@acme.ru"));
        KeySummary summary = batch.keySummary(ADMIN);
        assertTrue(summary.mightMatch(EMAIL, "IVAN@acme.ru"));
        assertTrue(summary.mightMatch(PHONE, "8 (912) 345-67-89"));
        assertSame("read once, then kept", summary, batch.keySummary(ADMIN));

        List<String> written = List.of("olga@acme.ru", "olga.new@acme.ru", "petr@acme.ru", "petr.new@acme.ru");
        for (String email : written) {
            assertFalse(email, summary.mightMatch(EMAIL, email));
        }
        ContactDto olga = contacts.create(ADMIN, person("Olga", "Orlova", List.of("+7 912 000-00-01"),
                List.of("olga@acme.ru"), List.of(), null));
        contacts.update(ADMIN, olga.id(), olga.version(), person("Olga", "Orlova", List.of("+7 912 000-00-01"),
                List.of("olga@acme.ru", "olga.new@acme.ru"), List.of(), null));
        BatchResult petr = batch.createContacts(ADMIN, List.of(person("Petr", "Sidorov", List.of(),
                List.of("petr@acme.ru"), List.of(), null))).get(0);
        batch.updateContacts(ADMIN, List.of(new ContactUpdate(petr.id(), petr.version(), person("Petr", "Sidorov",
                List.of(), List.of("petr@acme.ru", "petr.new@acme.ru"), List.of(), null))));

        CompanyDto acme = companies.create(ADMIN, org("Acme", "7701234567", "acme.ru", null));
        companies.update(ADMIN, acme.id(), acme.version(), org("Acme", "7701234568", "acme.ru", null));
        BatchResult romashka = batch.createCompanies(ADMIN, List.of(org("Ромашка", "7702000001", null, null)))
                .get(0);
        batch.updateCompanies(ADMIN, List.of(new CompanyUpdate(romashka.id(), romashka.version(),
                org("Ромашка", "7702000001", "https://romashka.ru", null))));

        for (KeySummary s : List.of(summary, new KeySummaryCache(emf).summary())) {
            for (String email : written) {
                assertTrue(email, s.mightMatch(EMAIL, email));
            }
            assertTrue(s.mightMatch(PHONE, "+79120000001"));
            assertTrue(s.mightMatch(TAX_ID, "7701234568"));
            assertTrue(s.mightMatch(TAX_ID, "7702000001"));
            assertTrue(s.mightMatch(DOMAIN, "www.acme.ru"));
            assertTrue(s.mightMatch(DOMAIN, "romashka.ru"));
            assertTrue(s.mightMatch(NAME, "ООО Ромашка"));
            assertFalse(s.mightMatch(EMAIL, "nobody@acme.ru"));
            assertFalse(s.mightMatch(TAX_ID, "7709999999"));
        }
        // a value taken away stays a "maybe" (a Bloom filter cannot forget): it costs a lookup, never a duplicate
        assertTrue(summary.mightMatch(TAX_ID, "7701234567"));
        assertEquals(stored, (long) batch.matchContacts(ADMIN, EMAIL, List.of("ivan@acme.ru")).get("ivan@acme.ru"));
    }

    @Test
    public void cardsSavedWhileTheSummaryIsFirstReadAreInIt() throws Exception {
        ContactBatchServiceImpl batch = new ContactBatchServiceImpl(emf, events, new Fixtures.Users(), keys, clock);
        for (int i = 0; i < 300; i++) {
            contact("Before" + i, "Base", List.of(), List.of("before" + i + "@acme.ru"));
        }
        Thread colleague = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                contact("During" + i, "Import", List.of(), List.of("during" + i + "@acme.ru"));
            }
        });
        colleague.start();
        KeySummary summary = batch.keySummary(ADMIN); // read while the colleague saves cards
        colleague.join();
        for (int i = 0; i < 300; i++) {
            assertTrue("before" + i, summary.mightMatch(EMAIL, "before" + i + "@acme.ru"));
            assertTrue("during" + i, summary.mightMatch(EMAIL, "during" + i + "@acme.ru"));
        }
    }

    @Test
    public void aSummaryReadFromAnEmptyBaseHasRoomForTheBaseToFill() {
        EntityManager em = emf.createEntityManager();
        StoredKeys keys = new StoredKeys(em).fill(em);
        em.close();
        for (int i = 0; i < 100_000; i++) {
            ContactEntity c = new ContactEntity();
            c.emails.add("person" + i + "@example.ru");
            keys.add(c);
        }
        // grown layer by layer from a few hundred keys, it would wrongly say "maybe" to one value in ten
        assertEquals(1, keys.layers());
        assertFalse(keys.outgrown());
        assertTrue(keys.mightMatch(EMAIL, "person99999@example.ru"));
    }
}
