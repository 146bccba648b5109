package io.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Importing real files through REST and the console in the real distribution. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImportIT extends TesseraTestSupport {

    /** The kinds of the timeline's entries for the filter, once it has at least {@code atLeast} of them. */
    private List<String> awaitTimeline(String filter, int atLeast) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        List<String> kinds = new ArrayList<>();
        do {
            kinds.clear();
            admin("GET", "/timeline?" + filter, null).json().get("items")
                    .forEach(entry -> kinds.add(entry.get("kind").asText()));
            if (kinds.size() >= atLeast) {
                break;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        return kinds;
    }

    @Test
    public void windows1251CsvFrom1cImportsGoodRowsReportsBadOnesAndCanBeUndone() throws Exception {
        String csv = "Имя;Фамилия;Телефон;E-mail;Компания\n"
                + "Пётр;Кузнецов;8 (912) 111-22-33;Petr@Example.com;ООО Ромашка\n"
                + "Анна;Орлова;+7 912 1112234;anna@broken;ООО Ромашка\n"
                + "Пётр;Кузнецов;79121112233;;ООО Ромашка\n"
                + "Алия;Гусейнова;+994 50 123 45 67;aliya@example.az;\n";
        byte[] file = csv.getBytes(Charset.forName("windows-1251"));

        Reply dry = uploadImport(file, "text/csv", "fileName=1c.csv&region=RU&dryRun=true");
        assertEquals(dry.toString(), 202, dry.status());
        JsonNode dryJob = awaitImportDone(dry.json().get("id").asLong());
        assertEquals(2, dryJob.get("created").asInt());
        assertEquals(0, admin("GET", "/contacts?q=Кузнецов", null).json().get("items").size());

        Reply started = uploadImport(file, "text/csv", "fileName=1c.csv&region=RU");
        long id = started.json().get("id").asLong();
        JsonNode job = awaitImportDone(id);
        assertEquals(job.toString(), "windows-1251", job.get("encoding").asText());
        assertEquals(job.toString(), 2, job.get("created").asInt());
        assertEquals(job.toString(), 1, job.get("merged").asInt());
        assertEquals(job.toString(), 1, job.get("rejected").asInt());

        JsonNode rows = admin("GET", "/imports/" + id + "/rows", null).json().get("items");
        JsonNode rejected = rows.get(1);
        assertEquals("REJECTED", rejected.get("outcome").asText());
        assertEquals("E-mail", rejected.get("column").asText());

        JsonNode petr = admin("GET", "/contacts?q=Кузнецов", null).json().get("items");
        assertEquals(petr.toString(), 1, petr.size());
        assertEquals("[\"+79121112233\"]", petr.get(0).get("phones").toString());
        assertEquals("[\"petr@example.com\"]", petr.get(0).get("emails").toString());
        JsonNode aliya = admin("GET", "/contacts?q=Гусейнова", null).json().get("items").get(0);
        assertEquals("[\"+994501234567\"]", aliya.get("phones").toString());

        Reply undo = admin("POST", "/imports/" + id + "/undo", null);
        assertEquals(undo.toString(), 202, undo.status());
        assertEquals("UNDOING", undo.json().get("status").asText());
        JsonNode undone = awaitImport(id, "UNDONE");
        assertTrue(undone.toString(), undone.get("error").isNull());
        assertEquals(0, admin("GET", "/contacts?q=Кузнецов", null).json().get("items").size());
        assertEquals(409, admin("POST", "/imports/" + id + "/undo", null).status());
    }

    @Test
    public void aLargeImportCancelledOverRestStopsKeepsWhatItWroteAndCanBeUndone() throws Exception {
        int rows = 20_000;
        StringBuilder csv = new StringBuilder("Имя;Фамилия;E-mail\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("Отменённый;Номер").append(i).append(";cancelled").append(i).append("@example.org\n");
        }
        Reply started = uploadImport(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", "fileName=large.csv");
        assertEquals(started.toString(), 202, started.status());
        long id = started.json().get("id").asLong();

        Reply cancel = admin("POST", "/imports/" + id + "/cancel", null);

        assertTrue(cancel.toString(), cancel.status() == 200 || cancel.status() == 202);
        JsonNode job = awaitImport(id, "CANCELLED");
        assertTrue(job.toString(), job.get("rowsDone").asLong() < rows);
        assertTrue(job.toString(), job.get("error").asText().startsWith("cancelled by admin "));
        long created = job.get("created").asLong();
        assertEquals(job.toString(), job.get("rowsDone").asLong(), created);
        if (created > 0) {
            JsonNode first = admin("GET", "/contacts?q=cancelled1@example.org", null).json().get("items");
            assertEquals(first.toString(), 1, first.size());
        }
        JsonNode last = admin("GET", "/contacts?q=cancelled" + rows + "@example.org", null).json().get("items");
        assertEquals("the rows after the cancel are not imported", 0, last.size());
        Reply again = admin("POST", "/imports/" + id + "/cancel", null);
        assertEquals(again.toString(), 200, again.status());
        assertEquals(job.toString(), again.json().toString());

        assertEquals(202, admin("POST", "/imports/" + id + "/undo", null).status());
        awaitImport(id, "UNDONE");
        assertEquals(0, admin("GET", "/contacts?q=cancelled1@example.org", null).json().get("items").size());
        Reply finished = admin("POST", "/imports/" + id + "/cancel", null);
        assertEquals(finished.toString(), 409, finished.status());
        assertEquals(finished.toString(), "import " + id + " has already finished (UNDONE)",
                finished.json().get("detail").asText());
    }

    @Test
    public void dealsAndTasksComeWithTheirContactsOnceAndGoWithUndo() throws Exception {
        String csv = "Имя;Фамилия;E-mail;Компания;Сделка;Сумма;Валюта;Этап;Задача;Срок\n"
                + "Игорь;Лебедев;igor@deals.ru;ООО Вектор;Поставка окон;1 250 000,50;руб.;Proposal;Позвонить;01.12.2030\n"
                + "Мария;Соколова;maria@deals.ru;;;;;;Отправить КП;\n"
                + "Павел;Волков;pavel@deals.ru;;Монтаж;500;USD;Переговоры;;\n"
                + "Олег;Зайцев;oleg@deals.ru;;Ремонт;дорого;RUB;;;\n"
                + "Анна;Новикова;anna@deals.ru;;Аудит;100;EUR;;;\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        long id = uploadImport(file, "text/csv", "fileName=deals.csv").json().get("id").asLong();
        JsonNode job = awaitImportDone(id);
        assertEquals(job.toString(), 3, job.get("created").asInt());
        assertEquals(job.toString(), 2, job.get("rejected").asInt());
        JsonNode rows = admin("GET", "/imports/" + id + "/rows", null).json().get("items");
        assertEquals("Этап", rows.get(2).get("column").asText());
        assertTrue(rows.get(2).toString(), rows.get(2).get("message").asText().contains("Переговоры"));
        assertEquals("Сумма", rows.get(3).get("column").asText());
        JsonNode rejected = admin("GET", "/imports/" + id + "/rows?outcome=rejected", null).json().get("items");
        assertEquals(rejected.toString(), List.of(rows.get(2), rows.get(3)), List.of(rejected.get(0),
                rejected.get(1)));
        assertEquals(rejected.toString(), 2, rejected.size());
        assertEquals(5, admin("GET", "/imports/" + id + "/rows?outcome=CREATED,REJECTED", null).json().get("items")
                .size());
        Reply rejectedFile = admin("GET", "/imports/" + id + "/rejected", null);
        assertEquals(rejectedFile.toString(), 200, rejectedFile.status());
        assertTrue(rejectedFile.headers().toString(),
                rejectedFile.headers().get("content-type").get(0).startsWith("text/csv"));
        assertEquals("\uFEFFСтрока / Row;Ошибка / Error;Имя;Фамилия;E-mail;Компания;Сделка;Сумма;Валюта;Этап;"
                + "Задача;Срок", rejectedFile.text().lines().findFirst().orElse(""));
        assertEquals(rejectedFile.text(), 3, rejectedFile.text().lines().count());
        assertTrue(rejectedFile.text(),
                rejectedFile.text().contains("Павел;Волков;pavel@deals.ru;;Монтаж;500;USD;Переговоры;;"));
        Reply badOutcome = admin("GET", "/imports/" + id + "/rows?outcome=LOST", null);
        assertEquals(badOutcome.toString(), 400, badOutcome.status());
        assertEquals(badOutcome.toString(), "outcome", badOutcome.json().get("errors").get(0).get("field").asText());
        assertEquals(0, admin("GET", "/contacts?q=pavel@deals.ru", null).json().get("items").size());

        JsonNode igor = admin("GET", "/contacts?q=igor@deals.ru", null).json().get("items").get(0);
        JsonNode deals = admin("GET", "/deals?contactId=" + igor.get("id").asLong(), null).json().get("items");
        assertEquals(deals.toString(), 1, deals.size());
        JsonNode deal = deals.get(0);
        assertEquals("Поставка окон", deal.get("title").asText());
        assertEquals(0, new java.math.BigDecimal("1250000.50").compareTo(deal.get("amount").decimalValue()));
        assertEquals("RUB", deal.get("currency").asText());
        assertEquals(igor.get("companyIds").get(0).asLong(), deal.get("companyId").asLong());
        long proposal = -1;
        long firstOpen = -1;
        for (JsonNode p : admin("GET", "/pipelines", null).json().get("items")) {
            for (JsonNode stage : p.get("stages")) {
                if (p.get("defaultPipeline").asBoolean() && stage.get("name").asText().equals("Proposal")) {
                    proposal = stage.get("id").asLong();
                }
                boolean open = stage.get("kind").asText().equals("OPEN");
                if (p.get("defaultPipeline").asBoolean() && firstOpen < 0 && open) {
                    firstOpen = stage.get("id").asLong();
                }
            }
        }
        assertEquals(proposal, deal.get("stageId").asLong());
        // a row naming no stage: the default pipeline's first open stage
        JsonNode anna = admin("GET", "/contacts?q=anna@deals.ru", null).json().get("items").get(0);
        JsonNode annasDeal = admin("GET", "/deals?contactId=" + anna.get("id").asLong(), null).json().get("items")
                .get(0);
        assertEquals("Аудит", annasDeal.get("title").asText());
        assertEquals(firstOpen, annasDeal.get("stageId").asLong());
        JsonNode tasks = admin("GET", "/tasks?contactId=" + igor.get("id").asLong(), null).json().get("items");
        assertEquals(tasks.toString(), 1, tasks.size());
        assertEquals("Позвонить", tasks.get(0).get("title").asText());
        assertEquals(deal.get("id").asLong(), tasks.get(0).get("dealId").asLong());
        assertTrue(tasks.get(0).toString(), tasks.get(0).get("dueAt").asText().startsWith("2030-12-01"));
        JsonNode maria = admin("GET", "/contacts?q=maria@deals.ru", null).json().get("items").get(0);
        assertEquals(1, admin("GET", "/tasks?contactId=" + maria.get("id").asLong(), null).json().get("items").size());
        // the deal's and the task's history, recorded from the import's batch events (posted after the commit)
        List<String> kinds = awaitTimeline("dealId=" + deal.get("id").asLong(), 2);
        assertTrue(kinds.toString(), kinds.containsAll(List.of("deal/CREATED", "task/CREATED")));
        assertEquals(kinds.toString(), 1, java.util.Collections.frequency(kinds, "deal/CREATED"));
        assertTrue(awaitTimeline("contactId=" + maria.get("id").asLong(), 2).contains("task/CREATED"));

        // the same file again: the contacts have these values, their deal and task exist: nothing doubles
        long again = uploadImport(file, "text/csv", "fileName=deals.csv").json().get("id").asLong();
        JsonNode second = awaitImportDone(again);
        assertEquals(second.toString(), 0, second.get("created").asInt());
        assertEquals(1, admin("GET", "/deals?contactId=" + igor.get("id").asLong(), null).json().get("items").size());
        assertEquals(1, admin("GET", "/tasks?contactId=" + igor.get("id").asLong(), null).json().get("items").size());

        admin("POST", "/imports/" + id + "/undo", null);
        JsonNode undone = awaitImport(id, "UNDONE");
        assertTrue(undone.toString(), undone.get("error").isNull());
        assertEquals(0, admin("GET", "/deals?q=Поставка", null).json().get("items").size());
        assertEquals(0, admin("GET", "/tasks?contactId=" + maria.get("id").asLong(), null).json().get("items").size());
    }

    /**
     * libreoffice-contacts.xlsx: a Russian CSV opened in LibreOffice Calc 7.4 and saved as XLSX. Calc typed the phone
     * numbers without punctuation as numbers and the birthdays as dates shown "mm/dd/yy".
     */
    @Test
    public void xlsxSavedByLibreOfficeKeepsBirthdaysPhonesAndCompanies() throws Exception {
        byte[] file;
        try (java.io.InputStream in = getClass().getResourceAsStream("/libreoffice-contacts.xlsx")) {
            assertTrue("libreoffice-contacts.xlsx is in the test probe", in != null);
            file = in.readAllBytes();
        }
        Reply started = uploadImport(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "fileName=libreoffice-contacts.xlsx&region=RU");
        assertEquals(started.toString(), 202, started.status());
        long id = started.json().get("id").asLong();
        JsonNode job = awaitImportDone(id);
        assertEquals(job.toString(), 2, job.get("created").asInt());
        assertEquals(job.toString(), 1, job.get("merged").asInt());
        assertEquals(job.toString(), 1, job.get("rejected").asInt());
        JsonNode rows = admin("GET", "/imports/" + id + "/rows", null).json().get("items");
        assertEquals(rows.toString(), "REJECTED", rows.get(2).get("outcome").asText());
        assertEquals(rows.toString(), "E-mail", rows.get(2).get("column").asText());

        JsonNode oleg = admin("GET", "/contacts?q=oleg.lebedev@example.ru", null).json().get("items");
        assertEquals(oleg.toString(), 1, oleg.size());
        assertEquals("1990-03-15", oleg.get(0).get("birthday").asText());
        assertEquals("[\"+79161234501\"]", oleg.get(0).get("phones").toString());
        List<String> tags = new ArrayList<>();
        oleg.get(0).get("tags").forEach(t -> tags.add(t.asText()));
        assertEquals(List.of("vip", "опт"), tags.stream().sorted().toList());
        JsonNode olga = admin("GET", "/contacts?q=olga.lebedeva@example.ru", null).json().get("items").get(0);
        assertEquals("1985-12-01", olga.get("birthday").asText());
        assertEquals("[\"+79161234502\"]", olga.get("phones").toString());
        assertEquals(oleg.get(0).get("companyIds").toString(), olga.get("companyIds").toString());
        assertEquals(olga.toString(), 1, olga.get("companyIds").size());
    }

    @Test
    public void xlsxWrittenByPoiImportsFromTheConsole() throws Exception {
        Path file = Files.createTempFile("contacts", ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = book.createSheet("Contacts");
            String[][] cells = {
                {"Ad", "Soyad", "Telefon", "E-mail"},
                {"Rəşad", "Məmmədov", "+994 55 765 43 21", "rashad@example.az"},
                {"Leyla", "Əliyeva", "+994 70 111 22 33", "leyla@example.az"},
                {"Tural", "Həsənov", "", "tural@"},
            };
            for (int r = 0; r < cells.length; r++) {
                org.apache.poi.xssf.usermodel.XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            book.write(out);
        }
        String output = console("crm:import --region AZ " + file, ADMIN, "crm-admin", "admin");
        assertTrue(output, output.contains("Created 2"));
        assertTrue(output, output.contains("rejected 1") && output.contains("Rejected rows:")
                && output.contains("  row 3, column E-mail: "));
        JsonNode leyla = admin("GET", "/contacts?q=leyla@example.az", null).json().get("items");
        assertEquals(leyla.toString(), 1, leyla.size());
        assertEquals("Əliyeva", leyla.get(0).get("lastName").asText());
        assertEquals("[\"+994701112233\"]", leyla.get(0).get("phones").toString());

        java.util.regex.Matcher id = java.util.regex.Pattern.compile("Import (\\d+): DONE").matcher(output);
        assertTrue(output, id.find());
        assertTrue(output, output.contains("crm:import-report " + id.group(1)));
        String report = console("crm:import-report " + id.group(1), ADMIN, "crm-admin", "admin");
        assertTrue(report, report.matches("(?s).*\\b1\\s*[│|]\\s*CREATED\\s*[│|]\\s*\\d+\\s*[│|].*"));
        String rejected = console("crm:import-report --outcome REJECTED " + id.group(1), ADMIN, "crm-admin",
                "admin");
        assertTrue(rejected, rejected.contains("REJECTED") && rejected.contains("E-mail")
                && !rejected.contains("CREATED"));
        String reportBySales = console("crm:import-report " + id.group(1), "anna", "crm-sales");
        assertTrue(reportBySales, reportBySales.contains("Command not found"));
        // over "ssh host crm:…" a failure says why and exits with status 1, a success with 0
        SshResult missing = sshCommand(ADMIN, ADMIN_PASSWORD, "crm:import-report 987654321");
        assertTrue(missing.output(), missing.output().contains("987654321"));
        assertEquals(missing.output(), Integer.valueOf(1), missing.exitStatus());
        SshResult badOutcome = sshCommand(ADMIN, ADMIN_PASSWORD, "crm:import-report --outcome LOST " + id.group(1));
        assertTrue(badOutcome.output(), badOutcome.output().contains("Unknown outcome LOST"));
        assertEquals(badOutcome.output(), Integer.valueOf(1), badOutcome.exitStatus());
        SshResult shown = sshCommand(ADMIN, ADMIN_PASSWORD, "crm:import-report " + id.group(1));
        assertTrue(shown.output(), shown.output().contains("CREATED"));
        assertEquals(shown.output(), Integer.valueOf(0), shown.exitStatus());
        String undone = console("crm:import-undo " + id.group(1), ADMIN, "crm-admin", "admin");
        assertTrue(undone, undone.contains("Import " + id.group(1) + ": UNDONE"));
        assertFalse(undone, undone.contains("Not undone"));
        assertEquals(0, admin("GET", "/contacts?q=leyla@example.az", null).json().get("items").size());
        String again = console("crm:import-undo " + id.group(1), ADMIN, "crm-admin", "admin");
        assertTrue(again, again.contains("was already undone"));
        String cancel = console("crm:import-cancel " + id.group(1), ADMIN, "crm-admin", "admin");
        assertTrue(cancel, cancel.contains("Error: import " + id.group(1) + " has already finished (UNDONE)"));
        String bySales = console("crm:import-cancel " + id.group(1), "anna", "crm-sales");
        assertTrue(bySales, bySales.contains("Command not found"));

        // the import is listed, newest first, in the console and through REST
        String listed = console("crm:imports", ADMIN, "crm-admin", "admin");
        assertTrue(listed, listed.contains(file.getFileName().toString()) && listed.contains("UNDONE"));
        JsonNode all = admin("GET", "/imports?limit=100", null).json().get("items");
        List<Long> ids = new ArrayList<>();
        all.forEach(i -> ids.add(i.get("id").asLong()));
        List<Long> newestFirst = new ArrayList<>(ids);
        newestFirst.sort(java.util.Comparator.reverseOrder());
        assertEquals(newestFirst, ids);
        JsonNode listedJob = all.get(ids.indexOf(Long.parseLong(id.group(1))));
        assertEquals(listedJob.toString(), "UNDONE", listedJob.get("status").asText());
    }
}
