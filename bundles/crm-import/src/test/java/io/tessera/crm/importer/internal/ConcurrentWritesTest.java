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
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A colleague saves a card while an import runs, after the import took its summary of the base: a row of the file
 * with the same e-mail (or, for companies, tax id) finds that card instead of making a second one (the summary is
 * live: crm-contacts adds the card's keys as it saves it). The write is made right after the summary is taken
 * (through a {@link ContactBatchService} that does so). The same for a similar name in a company the import has
 * already read: the write is made right after the import stored its first buffer.
 */
public class ConcurrentWritesTest {
    private static final Caller ADMIN = DecoratedBatchFixture.ADMIN;
    private static final Caller COLLEAGUE = Caller.of("ivan", Roles.SALES);

    /** What the colleague does right after the import took its key summary. */
    private Runnable meanwhile = () -> { };
    private DecoratedBatchFixture fixture;
    private ContactService contacts;
    private CompanyService companies;

    @Before
    public void setUp() {
        decorate("keySummary", (real, args) -> real.keySummary((Caller) args[0]));
    }

    /** The colleague acts right after each call of the method (once: {@link #once}). */
    private void decorate(String method, DecoratedBatchFixture.Answer real) {
        if (fixture != null) {
            fixture.close();
        }
        fixture = new DecoratedBatchFixture(method, (batch, args) -> {
            Object out = real.answer(batch, args);
            meanwhile.run();
            return out;
        });
        contacts = fixture.contacts;
        companies = fixture.companies;
    }

    private void once(Runnable action) {
        meanwhile = () -> {
            meanwhile = () -> { };
            action.run();
        };
    }

    @After
    public void tearDown() {
        fixture.close();
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
        Outcome outcome = fixture.imports.report(ADMIN, job.id(), new Paging(10, null)).items().get(0).outcome();
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

    @SuppressWarnings("unchecked")
    @Test
    public void aContactAColleagueLinksToACompanyTheImportHasReadIsFoundByASimilarName() {
        decorate("createContacts", (real, args) -> real.createContacts((Caller) args[0],
                (List<ContactInput>) args[1]));
        long acme = companies.create(ADMIN, new CompanyInput("Acme", null, null, null, null, List.of(), List.of(),
                null, null, null, "ivan")).id();
        once(() -> contacts.create(COLLEAGUE, new ContactInput("Иван", "Петров", null, List.of(), List.of(), null,
                null, null, null, null, null, List.of(acme))));
        // the first buffer names Acme (so the import reads its people), the second has the colleague's person
        StringBuilder csv = new StringBuilder("Имя;Фамилия;E-mail;Компания\nОльга;Смирнова;;Acme\n");
        for (int i = 1; i < ImportRun.BATCH; i++) {
            csv.append("Имя").append(i).append(";Фамилия").append(i).append(";p").append(i).append("@example.ru;\n");
        }
        csv.append("Петров;Иван;ivan.petrov@example.ru;Acme\n");

        ImportDto job = run("contacts.csv", csv.toString(), ImportOptions.defaults());

        assertEquals(job.toString(), ImportRun.BATCH, job.created());
        assertEquals(job.toString(), 1, job.merged() + job.updated());
        List<ContactDto> petrovs = contacts.list(ADMIN, new RecordQuery("Петров", null, null, null, false,
                "createdAt", new Paging(10, null))).items();
        assertEquals("the row went onto the colleague's card", 1, petrovs.size());
        assertEquals("ivan", petrovs.get(0).owner());
        assertEquals("the row's e-mail was added to it", List.of("ivan.petrov@example.ru"), petrovs.get(0).emails());
    }

    private ImportDto run(String fileName, String csv, ImportOptions options) {
        ImportDto done = fixture.run(fileName, csv, options);
        assertEquals(done.toString(), ImportDto.Status.DONE, done.status());
        return done;
    }
}
