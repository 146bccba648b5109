package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import io.tessera.crm.api.imports.ImportOptions.Mode;
import io.tessera.crm.api.imports.ImportRowResult;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** Duplicates within the file and against the base, as the import finds and merges them. */
public class ImportDuplicatesTest extends ImportServiceFixture {
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
        others(csv, "Person", "Other", 0, ImportRun.BATCH);
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
        others(csv, "Person", "Other", 1, ImportRun.BATCH);
        csv.append("I.;Petrov;Acme\nOlga;Orlova;Acme\n");
        others(csv, "Second", "Buffer", 2, ImportRun.BATCH);
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
    public void companyAddressesImportAndAStoredPartIsKeptWithTheConflictReported() {
        ImportOptions companiesFile = new ImportOptions(Entity.COMPANIES, null, null, null, null, null, null);
        ImportDto first = run("1c.csv", ("Наименование;ИНН;Юридический адрес;Город;Индекс;Страна\n"
                + "Ромашка;7701234567;ул. Ленина, 1;Москва;101000;Россия\n").getBytes(StandardCharsets.UTF_8),
                companiesFile);
        assertEquals(first.toString(), 1, first.created());
        long id = report(first.id()).get(0).recordId();
        assertEquals(new Address("ул. Ленина, 1", "Москва", null, "101000", "Россия"),
                companies.get(ADMIN, id).address());

        ImportDto second = run("moved.csv", ("Наименование;ИНН;Город;Регион\n"
                + "Ромашка;7701234567;Санкт-Петербург;Ленинградская область\n").getBytes(StandardCharsets.UTF_8),
                companiesFile);
        assertEquals(second.toString(), 1, second.updated());
        assertEquals(List.of("address.city: Москва -> Санкт-Петербург"), report(second.id()).get(0).conflicts());
        assertEquals(new Address("ул. Ленина, 1", "Москва", "Ленинградская область", "101000", "Россия"),
                companies.get(ADMIN, id).address());
    }

    /** Rows {@code from} to {@code to} (exclusive) of people at Acme unlike anyone else: first and last name + i. */
    private static void others(StringBuilder csv, String first, String last, int from, int to) {
        for (int i = from; i < to; i++) {
            csv.append(first).append(i).append(';').append(last).append(i).append(";Acme\n");
        }
    }
}
