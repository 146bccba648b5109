package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportRowResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;

/**
 * Files the export writes, read back by the import over the real contacts services on in-memory Derby, and the
 * companies column a contacts export carries.
 */
public class ExportsReadBackTest extends ImportServiceFixture {
    /** An export read back by the import, CSV and XLSX: every column is understood, so nothing differs. */
    @Test
    public void reImportingAnUnchangedExportChangesNothing() {
        CompanyDto romashka = companies.create(ADMIN, new io.tessera.crm.api.contacts.CompanyInput("Ромашка",
                "ООО «Ромашка»", "7701234567", "Retail", "https://romashka.ru", List.of("+74951234567"),
                List.of("info@romashka.ru"), new io.tessera.crm.api.contacts.Address("ул. Ленина, 1", "Москва",
                "Московская область", "101000", "Россия"), Set.of("vip"), Map.of("segment", "A"), "ivan"));
        contacts.create(ADMIN, new io.tessera.crm.api.contacts.ContactInput("Иван", "Петров", "Директор",
                List.of("+79123456789", "+74951234568"), List.of("ivan@romashka.ru"),
                java.time.LocalDate.of(1990, 3, 15), "line 1\nline 2; «quoted»", Set.of("vip", "опт"),
                Map.of("size", 42L, "vip", true), "ivan", "выставка", List.of(romashka.id())));
        ExportServiceImpl export = new ExportServiceImpl(companies, contacts, batch, new ExportFakes.Deals(),
                new ExportFakes.Pipelines().service(), new ExportFakes.Events());
        for (io.tessera.crm.api.imports.ExportFormat format : io.tessera.crm.api.imports.ExportFormat.values()) {
            String name = "export." + format.name().toLowerCase(java.util.Locale.ROOT);
            ByteArrayOutputStream people = new ByteArrayOutputStream();
            export.exportContacts(ADMIN, RecordQuery.all(), format, people);
            ImportDto contactsBack = run(name, people.toByteArray(), null);
            assertEquals(contactsBack.toString(), 1, contactsBack.skipped());
            assertEquals(List.of(), report(contactsBack.id()).get(0).conflicts());
            ByteArrayOutputStream firms = new ByteArrayOutputStream();
            export.exportCompanies(ADMIN, RecordQuery.all(), format, firms);
            ImportDto companiesBack = run(name, firms.toByteArray(), new ImportOptions(
                    ImportOptions.Entity.COMPANIES, null, null, null, null, null, null));
            assertEquals(companiesBack.toString(), 1, companiesBack.skipped());
            assertEquals(List.of(), report(companiesBack.id()).get(0).conflicts());
        }
    }

    /**
     * The contacts export names each contact's companies: read back (here after the links were taken off, as on a
     * server that has the companies but not the links), every link comes back, found by name.
     */
    @Test
    public void aContactsExportLinksEveryCompanyAgain() {
        CompanyDto romashka = companies.create(ADMIN, companyNamed("ООО \"Ромашка\""));
        CompanyDto acme = companies.create(ADMIN, companyNamed("Acme, Inc."));
        ContactDto ivan = contacts.create(ADMIN, new io.tessera.crm.api.contacts.ContactInput("Иван", "Петров", null,
                List.of(), List.of("ivan@romashka.ru"), null, null, Set.of(), Map.of(), "admin", null,
                List.of(romashka.id(), acme.id())));
        ExportServiceImpl export = new ExportServiceImpl(companies, contacts, batch, new ExportFakes.Deals(),
                new ExportFakes.Pipelines().service(), new ExportFakes.Events());
        for (io.tessera.crm.api.imports.ExportFormat format : io.tessera.crm.api.imports.ExportFormat.values()) {
            ByteArrayOutputStream people = new ByteArrayOutputStream();
            export.exportContacts(ADMIN, RecordQuery.all(), format, people);
            ContactDto unlinked = contacts.get(ADMIN, ivan.id());
            contacts.update(ADMIN, ivan.id(), unlinked.version(), new io.tessera.crm.api.contacts.ContactInput(
                    "Иван", "Петров", null, List.of(), List.of("ivan@romashka.ru"), null, null, Set.of(), Map.of(),
                    "admin", null, List.of()));

            ImportDto back = run("export." + format.name().toLowerCase(java.util.Locale.ROOT),
                    people.toByteArray(), null);

            assertEquals(back.toString(), 1, back.updated());
            assertEquals(List.of(romashka.id(), acme.id()), contacts.get(ADMIN, ivan.id()).companyIds());
            assertEquals(2, companies.list(ADMIN, RecordQuery.all()).items().size());
        }
    }

    /** A "companies" cell names several: each is found or created, and undo archives every one it created. */
    @Test
    public void aRowNamingSeveralCompaniesLinksEachAndUndoArchivesTheNewOnes() {
        CompanyDto acme = companies.create(ADMIN, companyNamed("Acme, Inc."));
        String file = "Имя;Фамилия;Компании\n"
                + "Иван;Петров;\"Альфа; acme, inc.\nБета\"\n"
                + "Анна;Сидорова;бета\n";

        ImportDto job = run("people.csv", file.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(2, job.created());
        List<ImportRowResult> rows = report(job.id());
        assertEquals("company 'Альфа' created; company 'Бета' created", rows.get(0).message());
        assertEquals(null, rows.get(1).message());
        Map<String, Long> ids = companies.list(ADMIN, RecordQuery.all()).items().stream()
                .collect(Collectors.toMap(CompanyDto::name, CompanyDto::id));
        assertEquals(Set.of("Acme, Inc.", "Альфа", "Бета"), ids.keySet());
        assertEquals(List.of(ids.get("Альфа"), acme.id(), ids.get("Бета")),
                contacts.get(ADMIN, rows.get(0).recordId()).companyIds());
        assertEquals(List.of(ids.get("Бета")), contacts.get(ADMIN, rows.get(1).recordId()).companyIds());

        undo(job.id());

        assertEquals(List.of(acme.id()), companies.list(ADMIN, RecordQuery.all()).items().stream()
                .map(CompanyDto::id).toList());
        assertEquals(0, allContacts().size());
    }

    private static io.tessera.crm.api.contacts.CompanyInput companyNamed(String name) {
        return new io.tessera.crm.api.contacts.CompanyInput(name, null, null, null, null, List.of(), List.of(), null,
                Set.of(), Map.of(), "admin");
    }
}
