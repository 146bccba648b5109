package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import io.tessera.crm.api.imports.ImportOptions.Mode;
import io.tessera.crm.api.imports.ImportRowResult;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.api.security.UserDto;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.contacts.internal.CompanyServiceImpl;
import io.tessera.crm.contacts.internal.ContactBatchServiceImpl;
import io.tessera.crm.contacts.internal.ContactServiceImpl;
import io.tessera.crm.contacts.internal.KeySummaryCache;
import io.tessera.crm.support.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The whole engine over the real contacts services on in-memory Derby. */
public class ImportServiceImplTest {
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

    static final class Users implements UserService {
        @Override
        public List<UserDto> list(Caller caller) {
            return List.of();
        }

        @Override
        public UserDto add(Caller caller, String username, String password, String role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exists(String username) {
            return Set.of("admin", "boss", "ivan").contains(username);
        }
    }

    EntityManagerFactory contactsEmf;
    EntityManagerFactory importEmf;
    ContactService contacts;
    CompanyService companies;
    ImportServiceImpl imports;

    @Before
    public void setUp() {
        contactsEmf = TestDatabase.open("crm-contacts");
        importEmf = TestDatabase.open("crm-import");
        NoEvents events = new NoEvents();
        KeySummaryCache keys = new KeySummaryCache(contactsEmf);
        contacts = new ContactServiceImpl(contactsEmf, events, new Users(), keys);
        companies = new CompanyServiceImpl(contactsEmf, events, new Users(), keys);
        imports = new ImportServiceImpl(importEmf, contacts, companies,
                new ContactBatchServiceImpl(contactsEmf, events, new Users(), keys));
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

    @Test
    public void cp1251FileWithBrokenRowsImportsTheGoodOnesAndReportsEveryBadOne() {
        ImportDto job = run("1c.csv", FILE.getBytes(Charset.forName("windows-1251")), ImportOptions.defaults());
        assertEquals(ImportDto.Status.DONE, job.status());
        assertEquals("windows-1251", job.encoding());
        assertEquals(";", job.delimiter());
        assertEquals(7, job.rowsTotal());
        assertEquals(7, job.rowsDone());
        assertEquals(3, job.created());
        assertEquals(1, job.merged());
        assertEquals(3, job.rejected());
        assertEquals(0, job.updated());

        List<ImportRowResult> rows = report(job.id());
        assertEquals(7, rows.size());
        assertEquals(List.of(Outcome.CREATED, Outcome.CREATED, Outcome.MERGED, Outcome.REJECTED, Outcome.REJECTED,
                Outcome.REJECTED, Outcome.CREATED), rows.stream().map(ImportRowResult::outcome).toList());
        assertEquals("Телефон", rows.get(3).column());
        assertEquals("'not a phone' is not a phone number", rows.get(3).message());
        assertEquals("Имя", rows.get(4).column());
        assertEquals("E-mail", rows.get(5).column());
        assertEquals(rows.get(0).recordId(), rows.get(2).recordId());
        assertEquals(List.of("position: CEO -> CTO"), rows.get(2).conflicts());
        assertEquals("company 'Acme' created", rows.get(0).message());

        List<ContactDto> all = allContacts();
        assertEquals(3, all.size());
        ContactDto ivan = contacts.get(ADMIN, rows.get(0).recordId());
        assertEquals("Иван", ivan.firstName());
        assertEquals("CEO", ivan.position());
        assertEquals(List.of("+79123456789"), ivan.phones());
        assertEquals(List.of("ivan@acme.ru", "ivan.p@gmail.com"), ivan.emails());
        assertEquals(Set.of("vip", "retail"), ivan.tags());
        assertEquals(Map.of("Размер", 42L), Map.copyOf(ivan.customFields()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).longValue())));
        List<CompanyDto> acme = companies.list(ADMIN, RecordQuery.all()).items();
        assertEquals(1, acme.size());
        assertEquals(List.of(acme.get(0).id()), ivan.companyIds());
        ContactDto anna = contacts.get(ADMIN, rows.get(1).recordId());
        assertEquals(List.of(acme.get(0).id()), anna.companyIds());
    }

    @Test
    public void dryRunWritesNothingButReportsTheSame() {
        ImportDto job = run("1c.csv", FILE.getBytes(StandardCharsets.UTF_8), mode(null, true));
        assertTrue(job.dryRun());
        assertEquals("UTF-8", job.encoding());
        assertEquals(3, job.created());
        assertEquals(1, job.merged());
        assertEquals(3, job.rejected());
        assertEquals(0, allContacts().size());
        assertEquals(0, companies.list(ADMIN, RecordQuery.all()).items().size());
        List<ImportRowResult> rows = report(job.id());
        assertEquals(List.of("position: CEO -> CTO"), rows.get(2).conflicts());
        try {
            imports.undo(ADMIN, job.id());
            fail();
        } catch (ConflictException expected) {
            // nothing to undo
        }
    }

    /** New companies are created per buffer in one call; a company named again in a later buffer is found. */
    @Test
    public void companiesNamedInAContactFileAreCreatedOnceAndLinkedAcrossBuffers() {
        StringBuilder csv = new StringBuilder("First name;Last name;Company\n");
        Map<String, Integer> rowsOf = new java.util.HashMap<>();
        for (int i = 0; i <= ImportRun.BATCH; i++) {
            csv.append("Person").append(i).append(";Other").append(i).append(";Firm ").append(i % 3).append("\n");
            rowsOf.merge("Firm " + i % 3, 1, Integer::sum);
        }
        ImportDto job = run("people.csv", csv.toString().getBytes(StandardCharsets.UTF_8), mode(null, false));

        assertEquals(ImportRun.BATCH + 1, job.created());
        List<CompanyDto> firms = companies.list(ADMIN, RecordQuery.all()).items();
        assertEquals(3, firms.size());
        for (CompanyDto firm : firms) {
            long linked = contacts.list(ADMIN, new RecordQuery(null, null, null, firm.id(), false, null,
                    new Paging(500, null))).items().size();
            assertEquals(firm.name(), (long) rowsOf.get(firm.name()), linked);
        }
        undo(job.id());
        assertEquals(0, companies.list(ADMIN, RecordQuery.all()).items().size());
    }

    /** Rows of one company with similar names in different buffers: the dry run finds them as the real run does. */
    @Test
    public void dryRunFindsSimilarNamesAcrossBuffersAsTheRealRunDoes() {
        StringBuilder csv = new StringBuilder("First name;Last name;Company\nIvan;Petrov;Acme\n");
        for (int i = 0; i < ImportRun.BATCH; i++) {
            csv.append("Person").append(i).append(";Other").append(i).append(";Acme\n");
        }
        csv.append("I.;Petrov;ООО Acme\n");
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        ImportDto dry = run("people.csv", file, mode(null, true));
        ImportDto real = run("people.csv", file, mode(null, false));

        assertEquals(ImportRun.BATCH + 1, real.created());
        assertEquals(1, real.merged());
        assertEquals(List.of(real.created(), real.merged()), List.of(dry.created(), dry.merged()));
        String secondPage = imports.report(ADMIN, dry.id(), new Paging(ImportRun.BATCH, null)).nextCursor();
        List<ImportRowResult> rest = imports.report(ADMIN, dry.id(), new Paging(ImportRun.BATCH, secondPage)).items();
        assertEquals(Outcome.MERGED, rest.get(rest.size() - 1).outcome());
    }

    /**
     * The import reads a company's people once ({@code nameMatcher}) and adds those it writes: a person it created in
     * the second buffer, after Acme's people were read, is found by a similar name in the third.
     */
    @Test
    public void aPersonWrittenAfterTheCompanyWasReadIsFoundByASimilarNameLater() {
        StringBuilder csv = new StringBuilder("First name;Last name;Company\nIvan;Petrov;Acme\n");
        for (int i = 1; i < ImportRun.BATCH; i++) {
            csv.append("Person").append(i).append(";Other").append(i).append(";Acme\n");
        }
        csv.append("I.;Petrov;Acme\nOlga;Orlova;Acme\n");
        for (int i = 2; i < ImportRun.BATCH; i++) {
            csv.append("Second").append(i).append(";Buffer").append(i).append(";Acme\n");
        }
        csv.append("O.;Orlova;Acme\nOrlova;Olga Petrovna;Acme\nOlga;Orlova;Other Ltd\n");

        ImportDto real = run("people.csv", csv.toString().getBytes(StandardCharsets.UTF_8), mode(null, false));

        assertEquals(2 * ImportRun.BATCH + 3, real.rowsDone());
        assertEquals(3, real.merged());
        assertEquals(2 * ImportRun.BATCH, real.created());
        String second = imports.report(ADMIN, real.id(), new Paging(ImportRun.BATCH, null)).nextCursor();
        ImportRowResult olga = imports.report(ADMIN, real.id(), new Paging(ImportRun.BATCH, second)).items().get(1);
        assertEquals(Outcome.CREATED, olga.outcome());
        String third = imports.report(ADMIN, real.id(), new Paging(ImportRun.BATCH, second)).nextCursor();
        List<ImportRowResult> last = imports.report(ADMIN, real.id(), new Paging(ImportRun.BATCH, third)).items();
        assertEquals(List.of(Outcome.MERGED, Outcome.MERGED, Outcome.CREATED),
                last.stream().map(ImportRowResult::outcome).toList());
        assertEquals(olga.recordId(), last.get(0).recordId());
        assertEquals(olga.recordId(), last.get(1).recordId());
    }

    @Test
    public void duplicatesAgainstTheBaseByModeAndUndoRestoresTheBeforeImage() {
        ContactDto existing = contacts.create(ADMIN, new ContactInput("Ivan", "Petrov", "CEO",
                List.of("+7 (912) 345-67-89"), List.of("old@acme.ru"), null, null, Set.of("old"), Map.of(), null,
                null, List.of()));
        String csv = "First name,Last name,Phone,Email,Position,Tags\n"
                + "Ivan,Petrov,89123456789,new@acme.ru,Director,new\n"
                + "Olga,Ivanova,,olga@acme.ru,,\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        ImportDto createOnly = run("a.csv", bytes, mode(Mode.CREATE_ONLY, false));
        assertEquals(1, createOnly.created());
        assertEquals(1, createOnly.skipped());
        assertEquals(existing.id(), (long) report(createOnly.id()).get(0).recordId());
        undo(createOnly.id());
        assertEquals(1, allContacts().size());

        ImportDto updateOnly = run("a.csv", bytes, mode(Mode.UPDATE_ONLY, false));
        assertEquals(0, updateOnly.created());
        assertEquals(1, updateOnly.updated());
        assertEquals(1, updateOnly.skipped());
        ContactDto merged = contacts.get(ADMIN, existing.id());
        assertEquals("CEO", merged.position());
        assertEquals(List.of("+7 (912) 345-67-89"), merged.phones());
        assertEquals(List.of("old@acme.ru", "new@acme.ru"), merged.emails());
        assertEquals(Set.of("old", "new"), merged.tags());
        assertEquals(List.of("position: CEO -> Director"), report(updateOnly.id()).get(0).conflicts());

        ImportDto undone = undo(updateOnly.id());
        assertEquals(ImportDto.Status.UNDONE, undone.status());
        assertNull(undone.error());
        ContactDto restored = contacts.get(ADMIN, existing.id());
        assertEquals(List.of("old@acme.ru"), restored.emails());
        assertEquals(Set.of("old"), restored.tags());
        try {
            imports.undo(ADMIN, updateOnly.id());
            fail();
        } catch (ConflictException expected) {
            // once
        }
    }

    /** Base records are found by the contacts bundle's rules: similar names in the company, legal forms ignored. */
    @Test
    public void similarNamesWithinACompanyOfTheBaseAreTheSamePerson() {
        long romashka = companies.create(ADMIN, new CompanyInput("ООО \"Ромашка\"", null, null, null, null, List.of(),
                List.of(), null, Set.of(), Map.of(), null)).id();
        ContactDto ivan = contacts.create(ADMIN, new ContactInput("Иван", "Петров", null, List.of(), List.of(), null,
                null, Set.of(), Map.of(), null, null, List.of(romashka)));
        String csv = "Фамилия;Имя;Отчество;Компания;Должность\n"
                + "Петорв;Иван;;Ромашка;Директор\n"        // a typo: the same person
                + "Петров;Иван;Иванович;Ромашка;\n"        // with a patronymic: the same person
                + "Петрова;Иван;;Ромашка;\n"               // Petrova is somebody else
                + "Петров;Иван;;Лютик;\n";                 // another company: somebody else
        ImportDto done = run("names.csv", csv.getBytes(StandardCharsets.UTF_8), mode(Mode.CREATE_AND_UPDATE, false));
        List<ImportRowResult> rows = report(done.id());
        assertEquals(ivan.id(), (long) rows.get(0).recordId());
        assertEquals(ImportRowResult.Outcome.UPDATED, rows.get(0).outcome());
        assertEquals(ivan.id(), (long) rows.get(1).recordId());
        assertEquals(ImportRowResult.Outcome.MERGED, rows.get(1).outcome());
        assertEquals(ImportRowResult.Outcome.CREATED, rows.get(2).outcome());
        assertEquals(ImportRowResult.Outcome.CREATED, rows.get(3).outcome());
        assertEquals(1, done.updated());
        assertEquals(2, done.created());
        assertEquals("Директор", contacts.get(ADMIN, ivan.id()).position());
        // "Ромашка" is the existing «ООО "Ромашка"», "Лютик" was created
        assertEquals(2, companies.list(ADMIN, new RecordQuery(null, null, null, null, false, null,
                new Paging(50, null))).items().size());
    }

    @Test
    public void rowsOfOneBufferAreComparedByTheBaseRules() {
        String csv = "Имя;Фамилия;Компания;Телефон\n"
                + "Иван;Петров;ООО \"Ромашка\";\n"
                + "Петров;Иван;Ромашка;\n"                 // names in another order, the company without its legal form
                + "Ольга;Сидорова;«Ромашка»;+7 912 345-67-89\n"
                + "Оля;Сидорова-Новая;ромашка, ООО;79123456789\n" // the same phone spelled otherwise
                + "Иван;Петорв;Ромашка;\n"                 // a typo: row 1's person
                + "Иван Иванович;Петров;Ромашка;\n"         // a patronymic more: row 1's person
                + "Ивана;Петрова;Ромашка;\n";               // somebody else
        ImportDto done = run("same-buffer.csv", csv.getBytes(StandardCharsets.UTF_8),
                mode(Mode.CREATE_AND_UPDATE, false));
        List<ImportRowResult> rows = report(done.id());
        assertEquals(ImportRowResult.Outcome.CREATED, rows.get(0).outcome());
        assertEquals(ImportRowResult.Outcome.MERGED, rows.get(1).outcome());
        assertEquals(rows.get(0).recordId(), rows.get(1).recordId());
        assertEquals(ImportRowResult.Outcome.CREATED, rows.get(2).outcome());
        assertEquals(ImportRowResult.Outcome.MERGED, rows.get(3).outcome());
        assertEquals(rows.get(2).recordId(), rows.get(3).recordId());
        assertEquals(ImportRowResult.Outcome.MERGED, rows.get(4).outcome());
        assertEquals(rows.get(0).recordId(), rows.get(4).recordId());
        assertEquals(ImportRowResult.Outcome.MERGED, rows.get(5).outcome());
        assertEquals(rows.get(0).recordId(), rows.get(5).recordId());
        assertEquals(ImportRowResult.Outcome.CREATED, rows.get(6).outcome());
        assertEquals(3, done.created());
        assertEquals(4, done.merged());
        assertEquals(1, companies.list(ADMIN, RecordQuery.all()).items().size());
    }

    @Test
    public void undoArchivesCreatedRecordsAndCompanies() {
        ImportDto job = run("1c.csv", FILE.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertEquals(3, allContacts().size());
        undo(job.id());
        assertEquals(0, allContacts().size());
        assertEquals(0, companies.list(ADMIN, RecordQuery.all()).items().size());
        assertEquals(ImportDto.Status.UNDONE, imports.get(ADMIN, job.id()).status());
    }

    @Test
    public void xlsxCompaniesWithDuplicatesByTaxIdAndDomain() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var s = wb.createSheet();
            String[][] data = {{"Наименование", "ИНН", "Сайт", "Телефон"},
                    {"Acme", "7701234567", "https://www.acme.ru", "+7 495 123-45-67"},
                    {"ACME LLC", "7701234567", "", "8 495 765 43 21"},
                    {"Other", "", "acme.ru/contacts", ""},
                    {"Beta", "", "beta.az", ""}};
            for (int i = 0; i < data.length; i++) {
                var row = s.createRow(i);
                for (int j = 0; j < data[i].length; j++) {
                    row.createCell(j).setCellValue(data[i][j]);
                }
            }
            wb.write(out);
        }
        ImportDto job = run("companies.xlsx", out.toByteArray(),
                new ImportOptions(Entity.COMPANIES, null, null, null, null, null, null));
        assertEquals(4, job.rowsTotal());
        assertEquals(2, job.created());
        assertEquals(2, job.merged());
        List<ImportRowResult> rows = report(job.id());
        assertEquals(List.of("name: Acme -> ACME LLC"), rows.get(1).conflicts());
        CompanyDto acme = companies.get(ADMIN, rows.get(0).recordId());
        assertEquals(List.of("+74951234567", "+74957654321"), acme.phones());
        assertEquals("acme.ru", acme.domain());
    }

    @Test
    public void accessAndOptionChecks() {
        byte[] bytes = "a\n1\n".getBytes(StandardCharsets.UTF_8);
        try {
            imports.start(SALES, "a.csv", new ByteArrayInputStream(bytes), null);
            fail();
        } catch (AccessDeniedException expected) {
            // sales staff cannot import
        }
        try {
            imports.start(ADMIN, "a.csv", new ByteArrayInputStream(bytes), new ImportOptions(null, null, null,
                    Map.of("a", "salary"), "x", "nope", "XX"));
            fail();
        } catch (ValidationException e) {
            assertEquals(List.of("defaultRegion", "delimiter", "encoding", "mapping.a"),
                    e.errors().stream().map(f -> f.field()).sorted().toList());
        }
        ImportDto job = run("a.csv", "Name;Unknown\nIvan Petrov;x\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(List.of("Unknown"), job.unmappedColumns());
        try {
            imports.get(MANAGER, job.id());
            fail();
        } catch (NotFoundException expected) {
            // another user's job
        }
    }

    @Test
    public void eachUserListsTheirOwnImportsNewestFirstAndAnAdminAll() {
        byte[] bytes = "Name\nIvan Petrov\n".getBytes(StandardCharsets.UTF_8);
        ImportDto first = run("first.csv", bytes, null);
        ImportDto second = run("second.csv", bytes, mode(Mode.CREATE_AND_UPDATE, true));
        ImportDto managers = imports.await(MANAGER, imports.start(MANAGER, "managers.csv",
                new ByteArrayInputStream(bytes), null).id(), Duration.ofSeconds(60));

        assertEquals(List.of(managers.id(), second.id(), first.id()),
                imports.list(ADMIN, Paging.FIRST).items().stream().map(ImportDto::id).toList());
        assertEquals(List.of(managers), imports.list(MANAGER, Paging.FIRST).items());
        assertEquals(List.of(), imports.list(SALES, Paging.FIRST).items());
        var page = imports.list(ADMIN, new Paging(2, null));
        assertEquals(List.of("managers.csv", "second.csv"), page.items().stream().map(ImportDto::fileName).toList());
        assertTrue(page.items().get(1).dryRun());
        assertEquals(List.of(first), imports.list(ADMIN, new Paging(2, page.nextCursor())).items());
    }

    @Test
    public void reportPagesThroughEveryRowOnce() {
        StringBuilder sb = new StringBuilder("Имя,Email\n");
        for (int i = 0; i < 1203; i++) {
            sb.append("P").append(i).append(",p").append(i % 1100).append("@x.ru\n");
        }
        ImportDto job = run("big.csv", sb.toString().getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertEquals(1100, job.created());
        assertEquals(103, job.merged());
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = imports.report(ADMIN, job.id(), new Paging(500, cursor));
            page.items().forEach(r -> seen.add(r.row()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(1203, seen.size());
        assertEquals(1203, seen.stream().distinct().count());
    }
}
