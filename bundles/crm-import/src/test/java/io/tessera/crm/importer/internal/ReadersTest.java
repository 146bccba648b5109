package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReadersTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static final String TEXT = "Фамилия;Имя;Телефон;E-mail\n"
            + "Петров;Иван;8 (912) 345-67-89;ivan@example.ru\n"
            + "\"Сидорова; Анна\";Анна;\"+7 912 3456780\";anna@example.ru\n";

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = tmp.getRoot().toPath().resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static List<List<String>> rows(Table t) throws Exception {
        List<List<String>> out = new ArrayList<>();
        t.read((i, cells) -> out.add(cells));
        return out;
    }

    @Test
    public void windows1251WithSemicolonsIsDetected() throws Exception {
        Path p = write("1c.csv", TEXT.getBytes(Charset.forName("windows-1251")));
        Table t = Table.open(p, "1c.csv", null, null);
        assertText(t, "windows-1251", ';');
    }

    /** {@link #TEXT} read back, written in the charset with the delimiter. */
    private static void assertText(Table t, String charset, char delimiter) throws Exception {
        assertEquals(charset, t.encoding());
        assertEquals(delimiter == '\t' ? "\\t" : String.valueOf(delimiter), t.delimiter());
        List<List<String>> rows = rows(t);
        assertEquals(List.of("Фамилия", "Имя", "Телефон", "E-mail"), rows.get(0));
        assertEquals(List.of("Петров", "Иван", "8 (912) 345-67-89", "ivan@example.ru"), rows.get(1));
        assertEquals("Сидорова" + delimiter + " Анна", rows.get(2).get(0));
        assertEquals(3, rows.size());
    }

    @Test
    public void utf8WithBomIsDetectedAndTheBomDropped() throws Exception {
        byte[] body = TEXT.replace(';', ',').replace("\"Сидорова, Анна\"", "\"Сидорова, Анна\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Table t = Table.open(write("bom.csv", bytes), null, null, null);
        assertEquals("UTF-8", t.encoding());
        assertEquals(",", t.delimiter());
        List<List<String>> rows = rows(t);
        assertEquals("Фамилия", rows.get(0).get(0));
        assertEquals("Сидорова, Анна", rows.get(2).get(0));
    }

    @Test
    public void utf8WithoutBomTabsAndPipes() throws Exception {
        Table tabs = Table.open(write("t.csv", "a\tb\tc\n1\t\"x\ty\"\t3\n".getBytes(StandardCharsets.UTF_8)),
                null, null, null);
        assertEquals("\\t", tabs.delimiter());
        assertEquals(List.of("1", "x\ty", "3"), rows(tabs).get(1));
        Table pipes = Table.open(write("p.csv", "Ad|Soyad|Şirkət\nƏli|Məmmədov|\"A|B\"\n"
                .getBytes(StandardCharsets.UTF_8)), null, null, null);
        assertEquals("UTF-8", pipes.encoding());
        assertEquals("|", pipes.delimiter());
        assertEquals(List.of("Əli", "Məmmədov", "A|B"), rows(pipes).get(1));
    }

    @Test
    public void quotedFieldsWithNewlinesAndEscapedQuotes() throws Exception {
        Table t = Table.open(write("q.csv", "name,notes\n\"Acme \"\"Best\"\"\",\"line 1\nline 2\"\nB,\n"
                .getBytes(StandardCharsets.UTF_8)), null, null, null);
        List<List<String>> rows = rows(t);
        assertEquals(List.of("Acme \"Best\"", "line 1\nline 2"), rows.get(1));
        assertEquals(List.of("B", ""), rows.get(2));
    }

    @Test
    public void utf8Detection() {
        assertTrue(CsvTable.isUtf8("Привет".getBytes(StandardCharsets.UTF_8), false));
        assertFalse(CsvTable.isUtf8("Привет".getBytes(Charset.forName("windows-1251")), false));
        byte[] cut = "abП".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(cut, cut.length - 1);
        assertTrue(CsvTable.isUtf8(truncated, true));
        assertFalse(CsvTable.isUtf8(truncated, false));
    }

    /** Excel's "Unicode Text" (Текст Юникод): UTF-16 little-endian with a byte order mark, tabs between cells. */
    @Test
    public void utf16WithByteOrderMarkIsDetected() throws Exception {
        String text = TEXT.replace(';', '\t');
        for (String charset : List.of("UTF-16LE", "UTF-16BE")) {
            byte[] body = ("\uFEFF" + text).getBytes(Charset.forName(charset));
            assertText(Table.open(write("unicode.txt", body), null, null, null), charset, '\t');
        }
        // named by the caller, the byte order mark is still not a character of the first header
        Table named = Table.open(write("named.txt", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE)), null,
                "UTF-16LE", null);
        assertEquals("Фамилия", rows(named).get(0).get(0));
    }

    /** The same kind of file as LibreOffice Calc 7.4 saves it ("Text CSV", character set "Unicode"). */
    @Test
    public void unicodeTextSavedByLibreOfficeIsRead() throws Exception {
        Path p = Path.of(getClass().getResource("/libreoffice-unicode-text.txt").toURI());
        Table t = Table.open(p, null, null, null);
        assertEquals("UTF-16LE", t.encoding());
        List<List<String>> rows = rows(t);
        assertEquals(List.of("Фамилия", "Имя", "Телефон", "E-mail", "Компания", "День рождения", "Теги"),
                rows.get(0));
        assertEquals(List.of("Лебедев", "Олег", "79161234501", "Oleg.Lebedev@Example.RU", "ООО \"Берёзка\"",
                "03/15/90", "VIP"), rows.get(1));
        assertEquals(5, rows.size());
    }

    @Test
    public void delimiterDetection() {
        assertEquals(';', CsvTable.detectDelimiter(List.of("a;b;\"c,d,e\"")));
        assertEquals(',', CsvTable.detectDelimiter(List.of("single")));
        assertEquals('|', CsvTable.detectDelimiter(List.of("a|b|c,d")));
    }

    @Test
    public void xlsxFirstSheetWithGapsAndNumbers() throws Exception {
        Path p = tmp.getRoot().toPath().resolve("book.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            XSSFSheet s = wb.createSheet("Contacts");
            textRow(s, 0, "Имя", "Фамилия", "Телефон");
            XSSFRow r = s.createRow(1);
            r.createCell(0).setCellValue("Иван");
            r.createCell(2).setCellValue(79123456789d);
            XSSFRow r2 = s.createRow(3);
            r2.createCell(1).setCellValue("Only");
            wb.write(out);
        }
        Table t = Table.open(p, "book.xlsx", null, null);
        List<List<String>> rows = rows(t);
        assertEquals(List.of("Имя", "Фамилия", "Телефон"), rows.get(0));
        assertEquals(List.of("Иван", "", "79123456789"), rows.get(1));
        assertEquals(List.of("", "Only"), rows.get(2));
        assertEquals(3, rows.size());
    }

    @Test
    public void xlsxWithAnEmptyFirstSheetIsReadFromTheFirstSheetWithRows() throws Exception {
        Path p = tmp.getRoot().toPath().resolve("sheets.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            wb.createSheet("Лист1");
            XSSFSheet data = wb.createSheet("Лист2");
            data.createRow(0).createCell(0).setCellValue("E-mail");
            data.createRow(1).createCell(0).setCellValue("a@b.ru");
            wb.createSheet("Лист3").createRow(0).createCell(0).setCellValue("not this one");
            wb.write(out);
        }
        assertEquals(List.of(List.of("E-mail"), List.of("a@b.ru")), rows(Table.open(p, "sheets.xlsx", null, null)));
    }

    @Test
    public void xlsxSharedStringsAreSpooledOnceAndDeletedOnClose() throws Exception {
        Path p = tmp.getRoot().toPath().resolve("texts.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            XSSFSheet s = wb.createSheet("Контакты");
            textRow(s, 0, "Имя", "Заметки");
            XSSFRow r = s.createRow(1);
            org.apache.poi.xssf.usermodel.XSSFRichTextString rich =
                    new org.apache.poi.xssf.usermodel.XSSFRichTextString("Ива");
            org.apache.poi.xssf.usermodel.XSSFFont bold = wb.createFont();
            bold.setBold(true);
            rich.append("н", bold);
            r.createCell(0).setCellValue(rich);
            r.createCell(1).setCellValue("  два пробела  \u2603");
            s.createRow(2).createCell(0).setCellValue("Имя");
            wb.write(out);
        }
        List<String> before = spools();
        Table t = Table.open(p, "texts.xlsx", null, null);
        List<List<String>> expected = List.of(List.of("Имя", "Заметки"), List.of("Иван", "  два пробела  \u2603"),
                List.of("Имя"));
        assertEquals(expected, rows(t));
        assertEquals(expected, rows(t));
        assertEquals(before.size() + 1, spools().size());
        t.close();
        assertEquals(before, spools());
    }

    /** The spools in the temporary directory (other tests' too, hence compared before and after). */
    private static List<String> spools() throws Exception {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(Path::toString).filter(f -> f.endsWith(".spool")).sorted().toList();
        }
    }

    private static void textRow(XSSFSheet sheet, int index, String... cells) {
        XSSFRow row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
        }
    }

    /** A Japanese Excel's phonetic reading of a text ({@code rPh}) is not part of the cell. */
    @Test
    public void xlsxPhoneticRunsAreLeftOut() throws Exception {
        Path p = tmp.getRoot().toPath().resolve("phonetic.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            wb.createSheet("S").createRow(0).createCell(0).setCellValue("PLACEHOLDER");
            wb.write(out);
        }
        Path q = tmp.getRoot().toPath().resolve("phonetic2.xlsx");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(p));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(q))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/sharedStrings.xml")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace("<t>PLACEHOLDER</t>",
                            "<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh>").getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        try (Table t = Table.open(q, "phonetic2.xlsx", null, null)) {
            assertEquals(List.of(List.of("東京")), rows(t));
        }
    }

    @Test
    public void xlsxDateCellsAreIsoDatesWhateverTheirDisplayFormat() throws Exception {
        Path p = tmp.getRoot().toPath().resolve("dates.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            XSSFSheet s = wb.createSheet("Contacts");
            s.createRow(0).createCell(0).setCellValue("День рождения");
            // 14 is Excel's own short date ("m/d/yy"), shown in the reader's locale: 15.03.1990 in Russian Excel
            dateCell(wb, s, 1, (short) 14, java.time.LocalDateTime.of(1990, 3, 15, 0, 0));
            dateCell(wb, s, 2, wb.createDataFormat().getFormat("dd.mm.yyyy"),
                    java.time.LocalDateTime.of(1985, 12, 1, 0, 0));
            dateCell(wb, s, 3, (short) 22, java.time.LocalDateTime.of(2027, 1, 31, 9, 30));
            XSSFRow number = s.createRow(4);
            number.createCell(0).setCellValue(1234.5);
            wb.write(out);
        }
        List<List<String>> rows = rows(Table.open(p, "dates.xlsx", null, null));
        assertEquals(List.of("1990-03-15"), rows.get(1));
        assertEquals(List.of("1985-12-01"), rows.get(2));
        assertEquals(List.of("2027-01-31 09:30"), rows.get(3));
        assertEquals(List.of("1234.5"), rows.get(4));
    }

    private static void dateCell(XSSFWorkbook wb, XSSFSheet sheet, int row, short format,
            java.time.LocalDateTime value) {
        org.apache.poi.xssf.usermodel.XSSFCellStyle style = wb.createCellStyle();
        style.setDataFormat(format);
        org.apache.poi.xssf.usermodel.XSSFCell cell = sheet.createRow(row).createCell(0);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
