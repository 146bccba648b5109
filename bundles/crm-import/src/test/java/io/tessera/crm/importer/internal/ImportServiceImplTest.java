package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportOptions.Mode;
import io.tessera.crm.api.imports.ImportRowResult;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;

/** The whole engine over the real contacts services on in-memory Derby. */

public class ImportServiceImplTest extends ImportServiceFixture {
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

    /** A report's name and date above the columns, as 1C and Excel reports write them. */
    @Test
    public void titleRowsAboveTheHeaderAreSkipped() {
        String csv = "Контрагенты на 01.12.2026\n"
                + "Выгружено из 1С;;\n"
                + "Фамилия;Имя;Телефон\n"
                + "Петров;Иван;8 912 345 67 89\n"
                + "Сидоров;Олег;12\n";
        ImportDto job = run("report.csv", csv.getBytes(Charset.forName("windows-1251")), null);
        assertEquals(job.toString(), ImportDto.Status.DONE, job.status());
        assertEquals(";", job.delimiter());
        assertEquals(2, job.rowsTotal());
        assertEquals(1, job.created());
        assertEquals(List.of(), job.unmappedColumns());
        List<ImportRowResult> rows = report(job.id());
        assertEquals(List.of(1L, 2L), rows.stream().map(ImportRowResult::row).toList());
        assertEquals(Outcome.REJECTED, rows.get(1).outcome());
        assertEquals("Телефон", rows.get(1).column());
        assertEquals("Петров", allContacts().get(0).lastName());

        // Excel's hint of the delimiter above the header
        ImportDto hinted = run("excel.csv", "sep=,\nName,E-mail\nAnna Orlova,anna@sep.ru\n"
                .getBytes(StandardCharsets.UTF_8), null);
        assertEquals(hinted.toString(), 1, hinted.created());
        assertEquals(",", hinted.delimiter());
    }

    /** Contacts as Google Contacts exports them ("Google CSV"), imported without a mapping. */
    @Test
    public void aGoogleContactsExportImportsAsItIs() {
        String csv = String.join(",", MappingAndNormalisationTest.GOOGLE) + "\n"
                + "Иван,,Петров,,,,,,ООО Ромашка,Директор,,1990-03-15,,,* myContacts ::: Клиенты,* Work,"
                + "Ivan@Romashka.ru,,,Mobile,+7 912 345-67-89 ::: 8 (495) 123-45-67 доб. 12,,,,\n"
                + "Анна,,Смирнова,,,,,,,,,--04-20,,,* myContacts,,anna@example.com,,,,,,,,\n"
                + "Олег,,Сидоров,,,,,,ООО Ромашка,,,,,,* myContacts,,oleg@romashka.ru,,,,,,,,\n";
        ImportDto job = run("contacts.csv", csv.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(job.toString(), 3, job.created());
        assertEquals(job.toString(), 0, job.rejected());
        assertEquals("extension 12 of +74951234567 is not kept; company 'ООО Ромашка' created",
                report(job.id()).get(0).message());
        assertEquals("birthday --04-20 has no year: not kept (map the column to a custom field to keep it)",
                report(job.id()).get(1).message());
        ContactDto ivan = allContacts().stream().filter(c -> c.lastName().equals("Петров")).findFirst().orElseThrow();
        assertEquals("Директор", ivan.position());
        assertEquals(java.time.LocalDate.of(1990, 3, 15), ivan.birthday());
        assertEquals(List.of("ivan@romashka.ru"), ivan.emails());
        assertEquals(List.of("+79123456789", "+74951234567"), ivan.phones());
        assertEquals(Set.of("клиенты"), ivan.tags());
        List<CompanyDto> romashka = companies.list(ADMIN, RecordQuery.all()).items();
        assertEquals(1, romashka.size());
        assertEquals(List.of(romashka.get(0).id()), ivan.companyIds());
        ContactDto oleg = allContacts().stream().filter(c -> c.lastName().equals("Сидоров")).findFirst().orElseThrow();
        assertEquals(ivan.companyIds(), oleg.companyIds());
    }

    /** amoCRM and Bitrix24 export the owner as the person's name, which is no user here. */
    @Test
    public void anOwnerWhoIsNoUserHereLeavesTheRecordToTheImporterAndTheReportSaysSo() {
        String csv = "Имя;Фамилия;E-mail;Ответственный\n"
                + "Иван;Петров;ivan@owners.ru;Мария Соколова\n"
                + "Анна;Орлова;anna@owners.ru;IVAN\n"
                + "Олег;Зайцев;oleg@owners.ru;\n";
        ImportDto job = run("amocrm.csv", csv.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(job.toString(), 3, job.created());
        List<ImportRowResult> rows = report(job.id());
        assertEquals("owner 'Мария Соколова' is not a user here: not taken from the file", rows.get(0).message());
        assertEquals(null, rows.get(1).message());
        Map<String, String> owners = allContacts().stream()
                .collect(Collectors.toMap(ContactDto::lastName, ContactDto::owner));
        assertEquals(Map.of("Петров", "admin", "Орлова", "ivan", "Зайцев", "admin"), owners);
    }

    @Test
    public void aHeaderThatNamesNoFieldFailsTheImportAndSaysSo() {
        ImportDto job = run("numbers.csv", "Код;Сумма долга\n1;500\n2;700\n".getBytes(StandardCharsets.UTF_8),
                null);
        assertEquals(ImportDto.Status.FAILED, job.status());
        assertEquals("no column of the file names a field of contacts (its columns: Код, Сумма долга): use headers "
                + "such as Name, Phone, E-mail, Company (Имя, Телефон, E-mail, Компания) or a mapping", job.error());
        assertEquals(0, job.rowsDone());
        assertEquals(0, allContacts().size());
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

    @Test
    public void theRejectedRowsComeBackAsAFileThatImportsOnceCorrected() throws Exception {
        ImportDto job = run("1c.csv", FILE.getBytes(Charset.forName("windows-1251")), ImportOptions.defaults());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.writeRejectedRows(ADMIN, job.id(), out);
        String file = out.toString(StandardCharsets.UTF_8);
        assertEquals("Строка / Row;Ошибка / Error;Фамилия;Имя;Телефон;E-mail;Компания;Должность;Теги;custom:Размер\r\n"
                + "4;Телефон: 'not a phone' is not a phone number;Козлов;;not a phone;k@acme.ru;;;;\r\n"
                + "5;Имя: the name is empty;;;;nobody@acme.ru;;;;\r\n"
                + "6;E-mail: 'bad@' is not an e-mail address;Смирнов;Олег;;bad@;;;;\r\n", file.substring(1));
        assertEquals("a byte-order mark: Excel reads UTF-8", '\uFEFF', file.charAt(0));

        String corrected = file.replace("not a phone", "+7 912 000-11-22").replace(";;;;nobody", ";;Никто;;nobody")
                .replace("bad@", "oleg@acme.ru");
        ImportDto again = run("rejected.csv", corrected.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertEquals(again.toString(), 3, again.created());
        assertEquals(again.toString(), 0, again.rejected());
        assertEquals(List.of(RejectedRowsFile.ROW, RejectedRowsFile.REASON), again.unmappedColumns());

        ImportDto risky = run("risky.csv", "Имя;Телефон\n=HYPERLINK(\"http://x\");not a phone\n"
                .getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        ByteArrayOutputStream defused = new ByteArrayOutputStream();
        imports.writeRejectedRows(ADMIN, risky.id(), defused);
        assertTrue("a formula comes back as text, as in an export", defused.toString(StandardCharsets.UTF_8)
                .contains(";\"'=HYPERLINK(\"\"http://x\"\")\";not a phone\r\n"));

        ImportDto clean = run("clean.csv", "Имя;E-mail\nЮлия;yulia@acme.ru\n".getBytes(StandardCharsets.UTF_8),
                ImportOptions.defaults());
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        imports.writeRejectedRows(ADMIN, clean.id(), none);
        assertEquals("\uFEFFСтрока / Row;Ошибка / Error;Имя;E-mail\r\n", none.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void reportKeepsOnlyTheOutcomesAskedFor() {
        // three rows with no name, e-mail or phone; the rows after the 1,100th repeat earlier e-mails
        Set<Integer> blank = Set.of(100, 700, 1150);
        StringBuilder sb = new StringBuilder("Имя,Email\n");
        for (int i = 1; i <= 1200; i++) {
            sb.append(blank.contains(i) ? ",\n" : "P" + i + ",p" + (i > 1100 ? i - 1100 : i) + "@x.ru\n");
        }
        ImportDto job = run("mixed.csv", sb.toString().getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertEquals(3, job.rejected());
        assertEquals("row 1200 repeats the blank row 100: created", 98, job.merged());
        List<ImportRowResult> all = new ArrayList<>();
        List<ImportRowResult> rejected = new ArrayList<>();
        String cursor = null;
        do {
            var page = imports.report(ADMIN, job.id(), new Paging(500, cursor));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        do {
            var page = imports.report(ADMIN, job.id(), Set.of(Outcome.REJECTED), new Paging(2, cursor));
            rejected.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertEquals("every rejected row, in row order, across pages", all.stream()
                .filter(r -> r.outcome() == Outcome.REJECTED).toList(), rejected);
        List<ImportRowResult> mergedOrRejected = imports.report(ADMIN, job.id(),
                Set.of(Outcome.MERGED, Outcome.REJECTED), new Paging(500, null)).items();
        assertEquals(all.stream().filter(r -> r.outcome() == Outcome.MERGED || r.outcome() == Outcome.REJECTED)
                .toList(), mergedOrRejected);
        assertEquals(101, mergedOrRejected.size());
    }
}
