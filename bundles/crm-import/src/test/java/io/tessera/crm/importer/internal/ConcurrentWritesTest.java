package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.contacts.internal.CompanyServiceImpl;
import io.tessera.crm.contacts.internal.ContactBatchServiceImpl;
import io.tessera.crm.contacts.internal.ContactServiceImpl;
import io.tessera.crm.support.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * A colleague saves a card while an import runs, after the import took its summary of the base: a row of the file
 * with the same e-mail (or, for companies, tax id) finds that card instead of making a second one. The write is made
 * right after the summary is taken (through a {@link ContactBatchService} that does so), and its event reaches the
 * import service as EventAdmin's synchronous delivery would.
 */
public class ConcurrentWritesTest {
    private static final Caller ADMIN = Caller.of("admin", Roles.ADMIN);
    private static final Caller COLLEAGUE = Caller.of("ivan", Roles.SALES);

    private EntityManagerFactory contactsEmf;
    private EntityManagerFactory importEmf;
    private ContactService contacts;
    private CompanyService companies;
    private ImportServiceImpl imports;
    /** What the colleague does right after the import took its key summary. */
    private Runnable meanwhile = () -> { };

    @Before
    public void setUp() {
        contactsEmf = TestDatabase.open("crm-contacts");
        importEmf = TestDatabase.open("crm-import");
        EventAdmin events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                imports.handleEvent(event);
            }

            @Override
            public void sendEvent(Event event) {
                imports.handleEvent(event);
            }
        };
        contacts = new ContactServiceImpl(contactsEmf, events, new ImportServiceImplTest.Users());
        companies = new CompanyServiceImpl(contactsEmf, events, new ImportServiceImplTest.Users());
        ContactBatchService real = new ContactBatchServiceImpl(contactsEmf, events, new ImportServiceImplTest.Users());
        ContactBatchService batch = (ContactBatchService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ContactBatchService.class}, (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(real, args);
                        if (method.getName().equals("keySummary")) {
                            meanwhile.run();
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        imports = new ImportServiceImpl(importEmf, contacts, companies, batch);
    }

    @After
    public void tearDown() {
        imports.close();
        contactsEmf.close();
        importEmf.close();
    }

    @Test
    public void aContactSavedByAColleagueDuringTheImportIsFoundByItsEmail() {
        meanwhile = () -> contacts.create(COLLEAGUE, new ContactInput("Ольга", "Смирнова", null, List.of(),
                List.of("olga@example.ru"), null, null, null, null, null, null, List.of()));

        ImportDto job = run("contacts.csv", "Имя;Фамилия;E-mail;Должность\nОльга;Смирнова;Olga@Example.ru;CFO\n",
                ImportOptions.defaults());

        assertEquals(job.toString(), 0, job.created());
        List<ContactDto> all = contacts.list(ADMIN, new RecordQuery(null, null, null, null, false, "createdAt",
                new Paging(10, null))).items();
        assertEquals(1, all.size());
        assertEquals("the row's position went onto the colleague's card", "CFO", all.get(0).position());
        assertEquals("ivan", all.get(0).owner());
        Outcome outcome = imports.report(ADMIN, job.id(), new Paging(10, null)).items().get(0).outcome();
        assertTrue(outcome.toString(), outcome == Outcome.UPDATED || outcome == Outcome.MERGED);
    }

    @Test
    public void aCompanySavedByAColleagueDuringTheImportIsFoundByItsTaxId() {
        meanwhile = () -> companies.create(COLLEAGUE, new CompanyInput("Ромашка", null, "7701234567", null, null,
                List.of(), List.of(), null, null, null, null));

        ImportDto job = run("companies.csv", "Название;ИНН;Отрасль\nРомашка Трейд;7701234567;Retail\n",
                new ImportOptions(Entity.COMPANIES, null, null, null, null, null, null));

        assertEquals(job.toString(), 0, job.created());
        assertEquals(1, companies.list(ADMIN, new RecordQuery(null, null, null, null, false, "createdAt",
                new Paging(10, null))).items().size());
    }

    private ImportDto run(String fileName, String csv, ImportOptions options) {
        ImportDto started = imports.start(ADMIN, fileName, new ByteArrayInputStream(
                csv.getBytes(StandardCharsets.UTF_8)), options);
        ImportDto done = imports.await(ADMIN, started.id(), Duration.ofSeconds(60));
        assertEquals(done.toString(), ImportDto.Status.DONE, done.status());
        return done;
    }
}
