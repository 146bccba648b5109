package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportOptions.Mode;
import io.tessera.crm.api.imports.ImportRowResult;
import io.tessera.crm.contacts.internal.CompanyServiceImpl;
import io.tessera.crm.contacts.internal.ContactBatchServiceImpl;
import io.tessera.crm.contacts.internal.ContactServiceImpl;
import io.tessera.crm.contacts.internal.KeySummaryCache;
import io.tessera.crm.support.testing.FakeUsers;
import io.tessera.crm.support.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.junit.After;
import org.junit.Before;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The import service on in-memory Derby with the real contacts services (no events, three users), and what its
 * tests share: running an import or an undo to the end, its report, the contacts, and a file of seven rows.
 */
abstract class ImportServiceFixture {
    static final Caller ADMIN = Caller.of("admin", Roles.ADMIN);
    static final Caller SALES = Caller.of("ivan", Roles.SALES);
    static final Caller MANAGER = Caller.of("boss", Roles.MANAGER);

    static final class NoEvents implements EventAdmin {
        final List<Event> sent = new ArrayList<>();

        @Override
        public void postEvent(Event event) {
            sent.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            sent.add(event);
        }
    }

    /** The users the tests act as. */
    static FakeUsers users() {
        return new FakeUsers("admin", "boss", "ivan");
    }

    EntityManagerFactory contactsEmf;
    EntityManagerFactory importEmf;
    ContactService contacts;
    CompanyService companies;
    ContactBatchService batch;
    ImportServiceImpl imports;

    @Before
    public void setUp() {
        contactsEmf = TestDatabase.open("crm-contacts");
        importEmf = TestDatabase.open("crm-import");
        NoEvents events = new NoEvents();
        KeySummaryCache keys = new KeySummaryCache(contactsEmf);
        contacts = new ContactServiceImpl(contactsEmf, events, users(), keys);
        companies = new CompanyServiceImpl(contactsEmf, events, users(), keys);
        batch = new ContactBatchServiceImpl(contactsEmf, events, users(), keys);
        imports = new ImportServiceImpl(importEmf, contacts, companies, batch, users());
    }

    @After
    public void tearDown() {
        imports.close();
        contactsEmf.close();
        importEmf.close();
    }

    ImportDto run(String fileName, byte[] bytes, ImportOptions options) {
        ImportDto started = imports.start(ADMIN, fileName, new ByteArrayInputStream(bytes), options);
        ImportDto done = imports.await(ADMIN, started.id(), Duration.ofSeconds(60));
        assertTrue("finished: " + done, done.status().finished());
        return done;
    }

    /** Starts the undo (it answers UNDOING at once) and waits for it. */
    ImportDto undo(long id) {
        assertEquals(ImportDto.Status.UNDOING, imports.undo(ADMIN, id).status());
        ImportDto done = imports.await(ADMIN, id, Duration.ofSeconds(60));
        assertTrue("undone: " + done, done.status().finished());
        return done;
    }

    List<ImportRowResult> report(long id) {
        return imports.report(ADMIN, id, new Paging(500, null)).items();
    }

    List<ContactDto> allContacts() {
        return contacts.list(ADMIN, new RecordQuery(null, null, null, null, false, "createdAt",
                new Paging(500, null))).items();
    }

    static ImportOptions mode(Mode mode, boolean dryRun) {
        return new ImportOptions(null, mode, dryRun, null, null, null, "RU");
    }

    static final String FILE = "Фамилия;Имя;Телефон;E-mail;Компания;Должность;Теги;custom:Размер\n"
            + "Петров;Иван;8 (912) 345-67-89;Ivan@Acme.ru;Acme;CEO;vip;42\n"          // 1 created (+ company)
            + "Сидорова;Анна;+7 912 3456780;anna@acme.ru;Acme;;;\n"                  // 2 created, same company
            + "Петров;Иван;79123456789;ivan.p@gmail.com;;CTO;retail;\n"             // 3 merged into row 1 by phone
            + "Козлов;;not a phone;k@acme.ru;;;;\n"                                  // 4 rejected: Телефон
            + ";;;nobody@acme.ru;;;;\n"                                              // 5 rejected: no name
            + "Смирнов;Олег;;bad@;;;;\n"                                             // 6 rejected: E-mail
            + "Орлов;Пётр;;orlov@acme.ru;;;;\n";                                     // 7 created
}
