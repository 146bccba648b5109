package io.tessera.crm.contacts.internal;

import static io.tessera.crm.contacts.internal.Fixtures.IVAN;
import static io.tessera.crm.contacts.internal.Fixtures.MANAGER;
import static io.tessera.crm.contacts.internal.Fixtures.OLGA;
import static io.tessera.crm.contacts.internal.Fixtures.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.RecordQuery;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;

public class ContactsOwnershipParticipantTest extends ContactsTestBase {
    private ContactsOwnershipParticipant owners;

    @Before
    public void setUpOwners() {
        owners = new ContactsOwnershipParticipant(emf, events, clock);
    }

    @Test
    public void reassignMovesLiveRecordsAndRevertGivesThemBack() {
        CompanyDto acme = companies.create(IVAN, CompanyTestBase.input("Acme"));
        CompanyDto old = companies.create(IVAN, CompanyTestBase.input("Old"));
        companies.archive(IVAN, old.id());
        CompanyDto olgas = companies.create(OLGA, CompanyTestBase.input("Olga's"));
        ContactDto petrov = contacts.create(IVAN, person("Ivan", "Petrov", List.of(acme.id())));
        ContactDto privat = contacts.create(IVAN, person("Anna", null, List.of()));
        ContactDto gone = contacts.create(IVAN, person("Gone", "Away", List.of()));
        contacts.archive(IVAN, gone.id());
        events.clear();
        clock.advance(Duration.ofDays(1));

        Map<String, List<Long>> moved = owners.reassign("ivan", "olga", "boss");
        assertEquals(List.of(acme.id()), moved.get("companies"));
        assertEquals(List.of(petrov.id(), privat.id()), moved.get("contacts"));

        CompanyDto acmeNow = companies.get(OLGA, acme.id());
        assertEquals("olga", acmeNow.owner());
        assertEquals(acme.version() + 1, acmeNow.version());
        assertEquals(clock.now, acmeNow.updatedAt());
        assertEquals("ivan", companies.get(MANAGER, old.id()).owner());
        assertEquals("olga", companies.get(MANAGER, olgas.id()).owner());
        assertEquals("olga", contacts.get(OLGA, petrov.id()).owner());
        assertEquals("olga", contacts.get(OLGA, privat.id()).owner());
        assertEquals("ivan", contacts.get(MANAGER, gone.id()).owner());
        expect(NotFoundException.class, () -> contacts.get(IVAN, petrov.id()));
        assertEquals(0, companies.list(IVAN, RecordQuery.all()).items().size());
        assertEquals(2, companies.list(OLGA, RecordQuery.all()).items().size());
        // the version moved on: an edit based on the old version is stale
        expect(StaleVersionException.class, () -> companies.update(MANAGER, acme.id(), acme.version(),
                CompanyTestBase.input("Acme")));

        assertEquals(List.of("tessera/crm/company/REASSIGNED", "tessera/crm/contact/REASSIGNED",
                "tessera/crm/contact/REASSIGNED"), events.topics());
        Event first = events.events.get(0);
        assertEquals(acme.id(), first.getProperty(CrmEvents.ID));
        assertEquals("company", first.getProperty(CrmEvents.ENTITY));
        assertEquals("boss", first.getProperty(CrmEvents.ACTOR));
        assertEquals("olga", first.getProperty(CrmEvents.OWNER));
        assertEquals("Company 'Acme' reassigned from ivan to olga", first.getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(acme.id()), first.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(), first.getProperty(CrmEvents.CONTACT_IDS));
        Event second = events.events.get(1);
        assertEquals("Contact 'Ivan Petrov' reassigned from ivan to olga", second.getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(acme.id()), second.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(petrov.id()), second.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(), second.getProperty(CrmEvents.DEAL_IDS));

        events.clear();
        owners.revert(moved, "ivan");
        assertEquals("ivan", companies.get(IVAN, acme.id()).owner());
        assertEquals("ivan", contacts.get(IVAN, petrov.id()).owner());
        assertEquals("ivan", contacts.get(IVAN, privat.id()).owner());
        assertEquals("olga", companies.get(OLGA, olgas.id()).owner());
        assertEquals(List.of("Olga's"), companies.list(OLGA, RecordQuery.all()).items().stream()
                .map(CompanyDto::name).toList());
        assertEquals(3, events.events.size());
        assertEquals("Company 'Acme' given back to ivan", events.events.get(0).getProperty(CrmEvents.SUMMARY));
        assertEquals("ivan", events.events.get(0).getProperty(CrmEvents.OWNER));
    }

    @Test
    public void nothingToMoveGivesEmptyLists() {
        companies.create(OLGA, CompanyTestBase.input("Olga's"));
        events.clear();
        Map<String, List<Long>> moved = owners.reassign("ivan", "boss", "admin");
        assertEquals(Map.of("companies", List.of(), "contacts", List.of()), moved);
        assertTrue(events.events.isEmpty());
        owners.revert(moved, "ivan");
        owners.revert(new HashMap<>(), "ivan");
        owners.revert(null, "ivan");
        assertTrue(events.events.isEmpty());
        assertEquals("olga", companies.list(MANAGER, RecordQuery.all()).items().get(0).owner());
    }

    @Test
    public void manyRecordsMoveInChunks() {
        for (int i = 0; i < 520; i++) {
            contacts.create(IVAN, person("P" + i, "X", List.of()));
        }
        events.clear();
        Map<String, List<Long>> moved = owners.reassign("ivan", "olga", "admin");
        assertEquals(520, moved.get("contacts").size());
        assertEquals(520, events.events.size());
        assertEquals(0, contacts.list(IVAN, RecordQuery.all()).items().size());
        owners.revert(moved, "ivan");
        assertEquals(0, contacts.list(OLGA, RecordQuery.all()).items().size());
        assertEquals(50, contacts.list(IVAN, RecordQuery.all()).items().size());
    }
}
