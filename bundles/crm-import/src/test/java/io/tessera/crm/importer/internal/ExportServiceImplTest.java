package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Paging;
import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.StageDto;
import io.tessera.crm.api.deals.StageKind;
import io.tessera.crm.api.deals.StageChange;
import io.tessera.crm.api.imports.ExportFormat;
import io.tessera.crm.api.imports.ExportService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;
import org.osgi.service.event.Event;

/** What an export writes: exact CSV text, typed XLSX cells, names beside ids, filters passed through. */
public class ExportServiceImplTest extends ExportServiceFixture {
    @Test
    public void companiesCsvIsExactWithCyrillicQuotesSemicolonsNewlinesAndCustomColumns() {
        companies.lister.items.add(new CompanyDto(1, 3, "ООО \"Ромашка\"", "Общество; с ограниченной", "7701234567",
                "Мебель, кухни", "https://romashka.ru", "romashka.ru", List.of("+79123456789", "+74951234567"),
                List.of("info@romashka.ru"), new Address("ул. Ленина, 1", "Москва", null, "101000", "RU"),
                new LinkedHashSet<>(List.of("vip", "retail")), custom("inn_kpp", "7701/01", "size", 250L),
                "boss", false, T1, T2));
        companies.lister.items.add(new CompanyDto(2, 1, "Line1\nLine2", null, null, null, null, null, List.of(),
                List.of(), null, Set.of(), custom("rating", new BigDecimal("4.50"), "paid", true,
                        "note", "=HYPERLINK(\"http://x\")"), "anna", true, T1, T1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        export.exportCompanies(BOSS, RecordQuery.all(), ExportFormat.CSV, out);

        String expected = "id,version,name,legalName,taxId,industry,website,domain,phones,emails,address.street,"
                + "address.city,address.region,address.postalCode,address.country,tags,owner,archived,createdAt,"
                + "updatedAt,custom:inn_kpp,custom:note,custom:paid,custom:rating,custom:size\r\n"
                + "1,3,\"ООО \"\"Ромашка\"\"\",Общество; с ограниченной,7701234567,\"Мебель, кухни\","
                + "https://romashka.ru,romashka.ru,+79123456789; +74951234567,info@romashka.ru,\"ул. Ленина, 1\","
                + "Москва,,101000,RU,retail; vip,boss,false,2024-05-01T10:15:30Z,2024-05-02T08:00:00Z,7701/01,,,,"
                + "250\r\n"
                + "2,1,\"Line1\nLine2\",,,,,,,,,,,,,,anna,true,2024-05-01T10:15:30Z,2024-05-01T10:15:30Z,,"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",true,4.50,\r\n";
        assertEquals(expected, csv(out));
    }

    /** The companies are named too (read once for the export), so that another server's import links them. */
    @Test
    public void contactsCsvExactText() {
        companies.lister.items.add(company(1, "ООО \"Ромашка\"", Map.of()));
        companies.lister.items.add(company(5, "Acme, Inc.", Map.of()));
        contacts.lister.items.add(new ContactDto(7, 2, "Иван", "Петров", "CEO; owner", List.of("+7 912 345-67-89"),
                List.of("ivan@acme.ru", "i.petrov@mail.ru"), LocalDate.of(1980, 2, 29), "said \"call me\"\nlater",
                Set.of("b", "a"), Map.of("shoeSize", 44L), "anna", "1C", List.of(1L, 5L), false, T1, T2));
        contacts.lister.items.add(new ContactDto(8, 1, "Əli", "-Məmmədov", null, List.of(), List.of(), null, null,
                Set.of(), Map.of(), "boris", null, List.of(), false, T1, T1));
        // company 9 is not visible to the caller: its id stays, it has no name
        contacts.lister.items.add(new ContactDto(9, 1, "Anna", "Lee", null, List.of(), List.of(), null, null,
                Set.of(), Map.of(), "boris", null, List.of(9L, 5L), false, T1, T1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        export.exportContacts(ADMIN, null, ExportFormat.CSV, out);

        assertEquals("id,version,firstName,lastName,position,phones,emails,birthday,notes,tags,owner,source,"
                + "companyIds,companies,archived,createdAt,updatedAt,custom:shoeSize\r\n"
                + "7,2,Иван,Петров,CEO; owner,+7 912 345-67-89,ivan@acme.ru; i.petrov@mail.ru,1980-02-29,"
                + "\"said \"\"call me\"\"\nlater\",a; b,anna,1C,1; 5,\"ООО \"\"Ромашка\"\"; Acme, Inc.\",false,"
                + "2024-05-01T10:15:30Z,2024-05-02T08:00:00Z,44\r\n"
                + "8,1,Əli,'-Məmmədov,,,,,,,boris,,,,false,2024-05-01T10:15:30Z,2024-05-01T10:15:30Z,\r\n"
                + "9,1,Anna,Lee,,,,,,,boris,,9; 5,\"Acme, Inc.\",false,2024-05-01T10:15:30Z,2024-05-01T10:15:30Z,\r\n",
                csv(out));
        assertEquals(List.of(Set.of(1L, 5L, 9L)), companies.batchReads);
    }

    @Test
    public void filtersArePassedThroughAndEveryPageIsRead() {
        for (int i = 1; i <= 1201; i++) {
            contacts.lister.items.add(contact(i, "First" + i, "Last" + i));
        }
        RecordQuery filter = new RecordQuery("petr", "anna", "vip", 42L, true, "-createdAt", new Paging(3, "zzz"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        export.exportContacts(BOSS, filter, ExportFormat.CSV, out);

        List<RecordQuery> q = contacts.lister.queries;
        assertEquals(3, q.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("petr", q.get(i).q());
            assertEquals("anna", q.get(i).owner());
            assertEquals("vip", q.get(i).tag());
            assertEquals(Long.valueOf(42), q.get(i).companyId());
            assertTrue(q.get(i).archived());
            assertEquals("-createdAt", q.get(i).sort());
            assertEquals(500, q.get(i).paging().limit());
        }
        assertNull(q.get(0).paging().cursor());
        assertEquals("500", q.get(1).paging().cursor());
        assertEquals("1000", q.get(2).paging().cursor());
        String[] lines = csv(out).split("\r\n");
        assertEquals(1 + 1201, lines.length);
        assertTrue(lines[1].startsWith("1,2,First1,Last1,"));
        assertTrue(lines[1201].startsWith("1201,2,First1201,Last1201,"));

        Event e = events.sent.get(0);
        assertEquals(Long.valueOf(1201), e.getProperty(ExportService.PROP_ROWS));
        assertEquals("q=\"petr\", owner=\"anna\", tag=\"vip\", companyId=42, archived=true, sort=\"-createdAt\"",
                e.getProperty(ExportService.PROP_FILTERS));
    }

    @Test
    public void dealFiltersArePassedThrough() {
        DealQuery filter = new DealQuery("kitchen", "boris", 1L, 3L, DealStatus.LOST, 4L, 5L, "No budget", false,
                "-amount", null);
        export.exportDeals(BOSS, filter, ExportFormat.CSV, new ByteArrayOutputStream());
        DealQuery q = deals.lister.queries.get(0);
        assertEquals(new DealQuery("kitchen", "boris", 1L, 3L, DealStatus.LOST, 4L, 5L, "No budget", false,
                "-amount", new Paging(500, null)), q);
        assertEquals("export deals: user=boss roles=[crm-manager] format=CSV rows=0 filters=[q=\"kitchen\", "
                + "owner=\"boris\", pipelineId=1, stageId=3, status=LOST, companyId=4, contactId=5, "
                + "lossReason=\"No budget\", archived=false, sort=\"-amount\"]", auditLine("INFO"));
    }

    /** With the names of the pipeline, stage, company and contacts beside their ids, each read once. */
    @Test
    public void dealsXlsxReadsBackWithTypedCellsAndNames() throws IOException {
        pipelines.items.add(new PipelineDto(1, 1, "Продажи", true, List.of(stage(2, 1, "Новая"), stage(3, 1, "Замер")),
                false));
        pipelines.items.add(new PipelineDto(7, 2, "Old", false, List.of(stage(8, 7, "Done")), true));
        companies.lister.items.add(company(2, "Acme", Map.of()));
        contacts.lister.items.add(contact(1, "Иван", "Петров"));
        deals.lister.items.add(new DealDto(11, 4, "Кухня для \"Acme\"; угловая", 1, 3, DealStatus.LOST,
                new BigDecimal("125000.50"), "RUB", LocalDate.of(2024, 6, 30), "anna", 2L, List.of(1L, 9L), "site",
                "Too expensive", "line1\nline2", T2,
                List.of(new StageChange(null, 2, 1, T1, "anna"), new StageChange(2L, 3, 1, T2, "boss")), false,
                T1, T2));
        deals.lister.items.add(new DealDto(12, 1, "Small", 1, 2, DealStatus.OPEN, null, null, null, "boss", null,
                List.of(), null, null, null, null, List.of(), false, T1, T1));
        deals.lister.items.add(new DealDto(13, 1, "In an archived pipeline", 7, 8, DealStatus.WON, null, null, null,
                "boss", 2L, List.of(1L), null, null, null, null, List.of(), false, T1, T1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        export.exportDeals(ADMIN, DealQuery.all(), ExportFormat.XLSX, out);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(1, wb.getNumberOfSheets());
            Sheet sheet = wb.getSheet("Deals");
            assertEquals(3, sheet.getLastRowNum());
            Row header = sheet.getRow(0);
            List<String> names = new ArrayList<>();
            header.forEach(c -> names.add(c.getStringCellValue()));
            assertEquals(ExportColumns.DEAL, names);
            assertTrue(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold());
            Row r = sheet.getRow(1);
            assertEquals(CellType.NUMERIC, r.getCell(0).getCellType());
            assertEquals(11.0, r.getCell(0).getNumericCellValue(), 0);
            assertEquals("Кухня для \"Acme\"; угловая", r.getCell(2).getStringCellValue());
            assertEquals("Продажи", r.getCell(4).getStringCellValue());
            assertEquals("Замер", r.getCell(6).getStringCellValue());
            assertEquals("LOST", r.getCell(7).getStringCellValue());
            assertEquals(125000.50, r.getCell(8).getNumericCellValue(), 0);
            assertEquals("2024-06-30", r.getCell(10).getStringCellValue());
            assertEquals("Acme", r.getCell(13).getStringCellValue());
            assertEquals("1; 9", r.getCell(14).getStringCellValue());
            assertEquals("Иван Петров", r.getCell(15).getStringCellValue());
            assertEquals("line1\nline2", r.getCell(18).getStringCellValue());
            assertEquals("2024-05-01T10:15:30Z ->2 by anna; 2024-05-02T08:00:00Z 2->3 by boss",
                    r.getCell(20).getStringCellValue());
            assertEquals(CellType.BOOLEAN, r.getCell(21).getCellType());
            assertFalse(r.getCell(21).getBooleanCellValue());
            assertEquals("2024-05-02T08:00:00Z", r.getCell(23).getStringCellValue());
            Row small = sheet.getRow(2);
            assertEquals("Новая", small.getCell(6).getStringCellValue());
            assertNull(small.getCell(8));
            assertNull(small.getCell(12));
            assertNull(small.getCell(13));
            assertEquals("boss", small.getCell(11).getStringCellValue());
            Row archived = sheet.getRow(3);
            assertEquals("Old", archived.getCell(4).getStringCellValue());
            assertEquals("Done", archived.getCell(6).getStringCellValue());
        }
        assertEquals(List.of(Set.of(2L)), companies.batchReads);
        assertEquals(List.of(Set.of(1L, 9L)), contacts.batchReads);
        assertEquals(List.of(7L), pipelines.got);
    }

    private static StageDto stage(long id, long pipelineId, String name) {
        return new StageDto(id, pipelineId, name, (int) id, 50, StageKind.OPEN, List.of());
    }

    @Test
    public void xlsxStreamsManyRowsAndCustomColumns() throws IOException {
        for (int i = 1; i <= 1100; i++) {
            companies.lister.items.add(company(i, "Компания " + i, i == 1100 ? custom("late", "x") : Map.of()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.exportCompanies(BOSS, null, ExportFormat.XLSX, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheet("Companies");
            assertEquals(1100, sheet.getLastRowNum());
            int lateColumn = ExportColumns.COMPANY.size();
            assertEquals("custom:late", sheet.getRow(0).getCell(lateColumn).getStringCellValue());
            assertEquals("Компания 1", sheet.getRow(1).getCell(2).getStringCellValue());
            assertNull(sheet.getRow(1).getCell(lateColumn));
            assertEquals("x", sheet.getRow(1100).getCell(lateColumn).getStringCellValue());
        }
    }

    @Test
    public void formulaLikeTextIsDefusedButPhonesAndNumbersAreNot() {
        assertEquals("'=1+1", CsvExportWriter.defuse("=1+1"));
        assertEquals("'@SUM(A1)", CsvExportWriter.defuse("@SUM(A1)"));
        assertEquals("'+cmd|' /C calc'!A0", CsvExportWriter.defuse("+cmd|' /C calc'!A0"));
        assertEquals("'-2+A3", CsvExportWriter.defuse("-2+A3"));
        assertEquals("'\tx", CsvExportWriter.defuse("\tx"));
        assertEquals("+7 (912) 345-67-89", CsvExportWriter.defuse("+7 (912) 345-67-89"));
        assertEquals("-42.5", CsvExportWriter.defuse("-42.5"));
        assertEquals("+79123456789; +74951234567", CsvExportWriter.defuse("+79123456789; +74951234567"));
        assertEquals("'+7;=1+1", CsvExportWriter.defuse("+7;=1+1"));
        assertEquals("Acme = best", CsvExportWriter.defuse("Acme = best"));
        assertEquals("", CsvExportWriter.defuse(""));
    }
}
