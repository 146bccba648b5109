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
}
