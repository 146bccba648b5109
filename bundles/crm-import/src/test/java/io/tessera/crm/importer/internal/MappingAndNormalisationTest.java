package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.imports.ImportOptions.Entity;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class MappingAndNormalisationTest {

    @Test
    public void headersInThreeLanguages() {
        List<String> header = List.of("Имя", "Ad", "First name", "Фамилия", "Soyad", "Телефон", "Telefon", "Phone",
                "E-mail", "Email", "Почта", "Компания", "Şirkət", "Company", "Должность", "Vəzifə", "Теги", "Tags",
                "Источник", " FIRST  NAME ", "ФИО", "custom:Размер", "Loyalty", "Дата рождения");
        ColumnMapping.Result r = ColumnMapping.map(Entity.CONTACTS, header, Map.of());
        assertEquals(Arrays.asList("firstName", "firstName", "firstName", "lastName", "lastName", "phones", "phones",
                "phones", "emails", "emails", "emails", "company", "company", "company", "position", "position",
                "tags", "tags", "source", "firstName", "fullName", "customFields.Размер", null, "birthday"),
                r.fields());
        assertEquals(List.of("Loyalty"), r.unmapped());
    }

    @Test
    public void companyHeadersAndExplicitMappingWins() {
        List<String> header = List.of("Наименование", "ИНН", "Сайт", "VÖEN", "Код", "Примечание");
        ColumnMapping.Result r = ColumnMapping.map(Entity.COMPANIES, header,
                Map.of("Код", "customFields.code", "ИНН", "ignore"));
        assertEquals(Arrays.asList("name", null, "website", "taxId", "customFields.code", null), r.fields());
        assertEquals(List.of("Примечание"), r.unmapped());
        // an export's address columns, and a contact file's "Город", which a contact has no field for
        assertEquals(List.of("street", "city", "region", "postalCode", "country"), ColumnMapping.map(
                Entity.COMPANIES, List.of("address.street", "address.city", "address.region", "address.postalCode",
                        "address.country"), Map.of()).fields());
        assertEquals(Arrays.asList((String) null), ColumnMapping.map(Entity.CONTACTS, List.of("Город"), Map.of())
                .fields());
    }

    @Test
    public void explicitMappingIsChecked() {
        List<ColumnMapping.Problem> p = ColumnMapping.check(Entity.CONTACTS,
                Map.of("X", "salary", "Y", "customFields.", "Z", "emails"));
        assertEquals(2, p.size());
        assertTrue(p.contains(new ColumnMapping.Problem("X", "unknown field 'salary'")));
    }

    @Test
    public void phonesToE164() {
        PhoneNormalizer ru = new PhoneNormalizer("RU");
        assertEquals("+79123456789", ru.toE164("8 (912) 345-67-89"));
        assertEquals("+79123456789", ru.toE164("+7 912 3456789"));
        assertEquals("+79123456789", ru.toE164("79123456789"));
        assertEquals("+79123456789", ru.toE164("9123456789"));
        assertEquals("+994501234567", ru.toE164("+994 50 123 45 67"));
        assertNull(ru.toE164("12"));
        assertNull(ru.toE164("call me"));
        PhoneNormalizer az = new PhoneNormalizer("AZ");
        assertEquals("+994501234567", az.toE164("050 123 45 67"));
        // a label in brackets, as hand-kept lists have them, is not part of the number
        assertEquals("+79123456789", ru.toE164("8 (912) 345-67-89 (моб.)"));
        assertEquals("+74951234567", ru.toE164("(офис) +7 (495) 123-45-67"));
        assertEquals(new PhoneNormalizer.Phone("+74951234567", "123"), ru.parse("+7 (495) 123-45-67 доб. 123"));
        assertEquals(new PhoneNormalizer.Phone("+74951234567", null), ru.parse("+7 (495) 123-45-67"));
    }

    /** As mail programs and hand-kept lists write them. */
    @Test
    public void addressesWithANameAndPhonesSeparatedBySlashes() {
        Draft d = Draft.parse(Entity.CONTACTS, List.of("Имя", "E-mail", "Телефон"),
                List.of("firstName", "emails", "phones"), List.of("Иван",
                        "Иван Петров <Ivan@Example.ru>; \"Petrov, Ivan\" <ivan.petrov@work.ru>",
                        "8-912-345-67-89 / 8 (912) 345-67-80"), new PhoneNormalizer("RU"));
        assertNull(d.problem);
        assertEquals(List.of("ivan@example.ru", "ivan.petrov@work.ru"), d.emails);
        assertEquals(List.of("+79123456789", "+79123456780"), d.phones);
    }

    @Test
    public void anExtensionIsNotKeptAndTheRowSaysSo() {
        Draft d = Draft.parse(Entity.CONTACTS, List.of("Имя", "Телефон"), List.of("firstName", "phones"),
                List.of("Иван", "+7 (495) 123-45-67 доб. 123, 8 912 345 67 89"), new PhoneNormalizer("RU"));
        assertNull(d.problem);
        assertEquals(List.of("+74951234567", "+79123456789"), d.phones);
        assertEquals(List.of("extension 123 of +74951234567 is not kept"), d.reportNotes);
    }

    @Test
    public void draftNormalisesAndNamesTheBadColumn() {
        PhoneNormalizer ru = new PhoneNormalizer("RU");
        List<String> header = List.of("ФИО", "Почта", "Телефон", "Теги");
        List<String> fields = List.of("fullName", "emails", "phones", "tags");
        Draft d = Draft.parse(Entity.CONTACTS, header, fields,
                List.of("  Петров   Иван  Иванович ", " Ivan@Example.RU ; ivan2@example.ru", "8 912 345 67 89",
                        "VIP, Retail"), ru);
        assertEquals("Петров", d.lastName);
        assertEquals("Иван Иванович", d.firstName);
        assertEquals(List.of("ivan@example.ru", "ivan2@example.ru"), d.emails);
        assertEquals(List.of("+79123456789"), d.phones);
        assertEquals(List.of("vip", "retail"), List.copyOf(d.tags));
        Draft bad = Draft.parse(Entity.CONTACTS, header, fields, List.of("Ivan", "not-an-email", "", ""), ru);
        assertEquals("Почта", bad.badColumn);
        assertEquals("'not-an-email' is not an e-mail address", bad.problem);
        Draft noName = Draft.parse(Entity.CONTACTS, header, fields, List.of("", "a@b.ru"), ru);
        assertEquals("ФИО", noName.badColumn);
    }

    @Test
    public void birthdaysWithTwoDigitYearsAreInThePast() {
        PhoneNormalizer ru = new PhoneNormalizer("RU");
        List<String> header = List.of("Имя", "День рождения");
        List<String> fields = List.of("firstName", "birthday");
        for (String cell : List.of("1990-03-15", "15.03.1990", "15/03/1990", "3/15/90", "15.03.90",
                "1990-03-15 10:30", "1990-03-15 10:30:15")) {
            Draft d = Draft.parse(Entity.CONTACTS, header, fields, List.of("Иван", cell), ru);
            assertNull(cell + ": " + d.problem, d.problem);
            assertEquals(cell, java.time.LocalDate.of(1990, 3, 15), d.birthday);
        }
        int nextYear = java.time.LocalDate.now().getYear() % 100 + 1;
        Draft lastCentury = Draft.parse(Entity.CONTACTS, header, fields,
                List.of("Иван", "1.2." + String.format("%02d", nextYear)), ru);
        assertEquals(java.time.LocalDate.of(1901 + java.time.LocalDate.now().getYear() % 100, 2, 1),
                lastCentury.birthday);
        Draft future = Draft.parse(Entity.CONTACTS, header, fields, List.of("Иван", "2999-01-01"), ru);
        assertEquals("День рождения", future.badColumn);
        assertEquals("is in the future", future.problem);
        // a due date stays in this century, and a spreadsheet's date with a time of day is its date
        assertEquals(java.time.LocalDate.of(2027, 3, 15), CellDates.parse("3/15/27", false));
        assertEquals(java.time.LocalDate.of(2027, 1, 31), CellDates.parse("2027-01-31 09:30", false));
    }

    /** The header of a "Google CSV" export of Google Contacts, as it is (a part of its address columns left out). */
    static final List<String> GOOGLE = List.of("First Name", "Middle Name", "Last Name", "Phonetic First Name",
            "Name Prefix", "Name Suffix", "Nickname", "File As", "Organization Name", "Organization Title",
            "Organization Department", "Birthday", "Notes", "Photo", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
            "E-mail 2 - Label", "E-mail 2 - Value", "Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label",
            "Phone 2 - Value", "Address 1 - Label", "Address 1 - Formatted");
    /** Columns of Outlook's "Comma Separated Values" export of contacts (most of its 90 left out). */
    static final List<String> OUTLOOK = List.of("Title", "First Name", "Middle Name", "Last Name", "E-mail Address",
            "E-mail 2 Address", "E-mail 3 Address", "Home Phone", "Home Phone 2", "Business Phone", "Business Phone 2",
            "Mobile Phone", "Other Phone", "Primary Phone", "Company Main Phone", "Pager", "Business Fax",
            "Assistant's Phone", "Job Title", "Department", "Company", "Birthday", "Anniversary", "Notes",
            "Categories");

    @Test
    public void googleAndOutlookExportsMapAsTheyAre() {
        assertEquals(Arrays.asList("firstName", "middleName", "lastName", null, null, null, null, null, "company",
                "position", null, "birthday", "notes", null, "tags", null, "emails", null, "emails", null, "phones",
                null, "phones", null, null), ColumnMapping.map(Entity.CONTACTS, GOOGLE, Map.of()).fields());
        // Outlook's "Title" is the salutation ("Mr."), its "Job Title" the position; alone, "Title" is the position
        ColumnMapping.Result outlook = ColumnMapping.map(Entity.CONTACTS, OUTLOOK, Map.of());
        assertEquals(Arrays.asList(null, "firstName", "middleName", "lastName", "emails", "emails", "emails", "phones",
                "phones", "phones", "phones", "phones", "phones", "phones", "phones", null, null, null, "position",
                null, "company", "birthday", null, "notes", "tags"), outlook.fields());
        assertEquals("Title", outlook.unmapped().get(outlook.unmapped().size() - 1));
        assertEquals(Arrays.asList("lastName", "position"), ColumnMapping.map(Entity.CONTACTS,
                List.of("Last Name", "Title"), Map.of()).fields());
        assertEquals(Arrays.asList("position", "notes"), ColumnMapping.map(Entity.CONTACTS,
                List.of("Title", "Job Title"), Map.of("Job Title", "notes")).fields());
        // Bitrix24's and amoCRM's exports of contacts
        assertEquals(Arrays.asList(null, "firstName", "middleName", "lastName", "birthday", "position", "company",
                "phones", "phones", "phones", "phones", "phones", "emails", "emails", "emails", "emails", "notes",
                "source", "owner", "fullName", "emails"), ColumnMapping.map(Entity.CONTACTS, List.of("Обращение",
                "Имя", "Отчество", "Фамилия", "Дата рождения", "Должность", "Компания", "Рабочий телефон",
                "Мобильный телефон", "Домашний телефон", "Другой телефон", "Телефон для рассылок", "Рабочий e-mail",
                "Частный e-mail", "E-mail для рассылок", "Другой e-mail", "Комментарий", "Источник", "Ответственный",
                "Полное имя", "Личный email"), Map.of()).fields());
        // numbered columns are read as more of the same only for phones and e-mails
        assertEquals(Arrays.asList("phones", "emails", null, null), ColumnMapping.map(Entity.CONTACTS,
                List.of("Телефон 2", "E-mail 3", "Сумма 2024", "Компания 2"), Map.of()).fields());
    }

    @Test
    public void googleAndOutlookCellsReadAsTheyAre() {
        Draft g = parseRow(GOOGLE, Map.of(0, "Иван", 2, "Петров", 14, "* myContacts ::: Клиенты ::: * starred",
                16, "Ivan@Example.ru ::: ivan.petrov@work.ru", 20, "+7 912 345-67-89 ::: 8 (916) 123-45-67"));
        assertNull(g.problem);
        assertEquals(List.of("ivan@example.ru", "ivan.petrov@work.ru"), g.emails);
        assertEquals(List.of("+79123456789", "+79161234567"), g.phones);
        assertEquals(List.of("клиенты"), List.copyOf(g.tags));

        Draft o = parseRow(OUTLOOK, Map.of(0, "Ms.", 1, "Anna", 4, "anna@example.com", 9, "+7 (495) 123-45-67",
                11, "+7 916 765-43-21", 21, "0/0/00", 22, "0/0/00", 24, "VIP;Partners"));
        assertNull(o.problem);
        assertEquals("Anna", o.firstName);
        assertNull("the salutation is not the position", o.position);
        assertNull(o.birthday);
        assertEquals(List.of("+74951234567", "+79167654321"), o.phones);
        assertEquals(List.of("partners", "vip"), o.tags.stream().sorted().toList());
    }

    /** A contact row under the header with the given cells (by column index), mapped by the header alone. */
    private static Draft parseRow(List<String> header, Map<Integer, String> cells) {
        List<String> row = new java.util.ArrayList<>(java.util.Collections.nCopies(header.size(), ""));
        cells.forEach(row::set);
        return Draft.parse(Entity.CONTACTS, header, ColumnMapping.map(Entity.CONTACTS, header, Map.of()).fields(),
                row, new PhoneNormalizer("RU"));
    }

    @Test
    public void beforeImageRoundTrip() {
        var in = new io.tessera.crm.api.contacts.ContactInput("Иван", "Петров, мл.", null, List.of("+79123456789"),
                List.of("a@b.ru", "c,d@e.ru"), java.time.LocalDate.of(1990, 1, 15), "line1\nline2",
                java.util.Set.of("vip"), Map.of("size", 42L, "note", "a=b", "ok", true), "admin", null,
                List.of(3L, 4L));
        var back = BeforeImage.contact(BeforeImage.encode(in));
        assertEquals(in.firstName(), back.firstName());
        assertEquals(in.lastName(), back.lastName());
        assertEquals(in.emails(), back.emails());
        assertEquals(in.notes(), back.notes());
        assertEquals(in.birthday(), back.birthday());
        assertEquals(in.customFields(), back.customFields());
        assertEquals(in.companyIds(), back.companyIds());
        assertEquals(in.tags(), back.tags());
        assertNull(back.position());
    }

    @Test
    public void dealAndTaskColumnsInThreeLanguages() {
        List<String> header = List.of("Сделка", "Сумма", "Валюта", "Этап", "Задача", "Срок", "Deal", "Amount",
                "Currency", "Stage", "Task", "Due date", "Sövdələşmə", "Məbləğ", "Mərhələ", "Tapşırıq", "Son tarix");
        ColumnMapping.Result r = ColumnMapping.map(Entity.CONTACTS, header, Map.of());
        assertEquals(List.of("dealTitle", "dealAmount", "dealCurrency", "dealStage", "taskTitle", "taskDue",
                "dealTitle", "dealAmount", "dealCurrency", "dealStage", "taskTitle", "taskDue", "dealTitle",
                "dealAmount", "dealStage", "taskTitle", "taskDue"), r.fields());
        assertEquals(List.of(), r.unmapped());
        assertEquals("dealAmount", ColumnMapping.map(Entity.COMPANIES, List.of("Бюджет"), Map.of()).fields().get(0));
    }

    @Test
    public void amountsAsSpreadsheetsWriteThem() {
        assertEquals(new java.math.BigDecimal("1500.50"), FollowUp.amount("1 500,50"));
        assertEquals(new java.math.BigDecimal("1500.50"), FollowUp.amount("1,500.50"));
        assertEquals(new java.math.BigDecimal("1500.50"), FollowUp.amount("1.500,50"));
        assertEquals(new java.math.BigDecimal("15000"), FollowUp.amount("15 000 ₽"));
        assertEquals(new java.math.BigDecimal("1500"), FollowUp.amount("1,500"));
        assertEquals(new java.math.BigDecimal("2.5"), FollowUp.amount("2,5"));
        assertEquals(new java.math.BigDecimal("1500000"), FollowUp.amount("1.500.000"));
        assertEquals(null, FollowUp.amount("many"));
        assertEquals(null, FollowUp.amount(""));
        // a mark that cannot group thousands is the decimal mark, however many digits follow it
        assertEquals(new java.math.BigDecimal("1180.3333"), FollowUp.amount("1180.3333"));
        assertEquals(new java.math.BigDecimal("1500.505"), FollowUp.amount("1500.505"));
        assertEquals(new java.math.BigDecimal("1500.505"), FollowUp.amount("1,500.505"));
        assertEquals(new java.math.BigDecimal("0.125"), FollowUp.amount("0,125"));
        assertEquals(null, FollowUp.amount("1,50,000"));
        FollowUp f = new FollowUp();
        List<String> problems = new java.util.ArrayList<>();
        f.set("dealAmount", "Сумма", "1180.3333", (column, problem) -> problems.add(column + ": " + problem));
        assertEquals(List.of("Сумма: '1180.3333' has more than 2 decimals"), problems);
    }

    @Test
    public void badDealValuesRejectTheRowByColumn() {
        List<String> header = List.of("Имя", "Сумма", "Валюта", "Срок");
        List<String> fields = ColumnMapping.map(Entity.CONTACTS, header, Map.of()).fields();
        PhoneNormalizer ru = new PhoneNormalizer("RU");
        Draft ok = Draft.parse(Entity.CONTACTS, header, fields, List.of("Иван", "1 000", "руб.", "01.12.2026"), ru);
        assertEquals(null, ok.problem);
        assertEquals(new java.math.BigDecimal("1000"), ok.followUp.dealAmount);
        assertEquals("RUB", ok.followUp.dealCurrency);
        assertEquals(java.time.LocalDate.of(2026, 12, 1), ok.followUp.taskDue);
        Draft amount = Draft.parse(Entity.CONTACTS, header, fields, List.of("Иван", "много", "RUB", ""), ru);
        assertEquals("Сумма", amount.badColumn);
        Draft noCurrency = Draft.parse(Entity.CONTACTS, header, fields, List.of("Иван", "100", "", ""), ru);
        assertEquals("Сумма", noCurrency.badColumn);
        Draft currency = Draft.parse(Entity.CONTACTS, header, fields, List.of("Иван", "100", "рубли", ""), ru);
        assertEquals("Валюта", currency.badColumn);
        Draft due = Draft.parse(Entity.CONTACTS, header, fields, List.of("Иван", "", "", "завтра"), ru);
        assertEquals("Срок", due.badColumn);
    }

    @Test
    public void cellsAreCleanedAsTheWhitespacePatternCleansThem() {
        // the fast path must give what the pattern alone gives, for every mix of the characters it treats apart
        char[] alphabet = {'a', 'б', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003'};
        java.util.Random random = new java.util.Random(19);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder cell = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                cell.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String stripped = cell.toString().strip();
            String expected = stripped.isEmpty() ? null : Draft.INNER_SPACE.matcher(stripped).replaceAll(" ");
            assertEquals("cell [" + cell + "]", expected, Draft.clean(cell.toString()));
        }
        assertEquals("Ivan Petrov", Draft.clean(" Ivan \t\u00A0Petrov "));
        assertEquals("Ivan Petrov", Draft.clean("Ivan Petrov"));
    }
}
