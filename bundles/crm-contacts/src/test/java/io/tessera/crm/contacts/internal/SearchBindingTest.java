package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.ADMIN;
import static org.junit.Assert.assertEquals;

import io.tessera.crm.support.testing.TestDatabase;
import java.util.List;
import org.junit.Test;

/** A search's values reach Derby as parameters (eclipselink.jdbc.allow-partial-bind-parameters in persistence.xml). */
public class SearchBindingTest extends ContactsTestBase {
    @Test
    public void searchesAreSentWithTheirValuesBoundSoDerbyCompilesThemOnce() {
        contact("Zebra", "Okapi", List.of("+79123456789"), List.of("zebra@example.ru"));
        company("Quagga Ltd", null, null);

        assertEquals(1, contacts.list(ADMIN, q("zebr")).items().size());
        assertEquals(1, contacts.list(ADMIN, q("okap")).items().size());
        assertEquals(1, contacts.list(ADMIN, q("3456")).items().size());
        assertEquals(1, companies.list(ADMIN, q("quagg")).items().size());

        TestDatabase.assertSearchesWereBound(emf, "zebr", "okap", "3456", "quagg");
    }
}
