package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertArrayEquals;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.imports.ExportService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.After;
import org.junit.Before;

/** The export service over fake lists, its audit log captured (slf4j-simple writes to System.err). */
abstract class ExportServiceFixture {
    static final Caller BOSS = Caller.of("boss", "crm-manager");
    static final Caller ADMIN = Caller.of("admin", "crm-admin");
    static final Caller ANNA = Caller.of("anna", "crm-sales");
    static final Instant T1 = Instant.parse("2024-05-01T10:15:30Z");
    static final Instant T2 = Instant.parse("2024-05-02T08:00:00Z");

    ExportFakes.Companies companies;
    ExportFakes.Contacts contacts;
    ExportFakes.Deals deals;
    ExportFakes.Pipelines pipelines;
    ExportFakes.Events events;
    ExportServiceImpl export;
    ByteArrayOutputStream log;
    PrintStream originalErr;

    @Before
    public void setUp() {
        companies = new ExportFakes.Companies();
        contacts = new ExportFakes.Contacts();
        deals = new ExportFakes.Deals();
        events = new ExportFakes.Events();
        pipelines = new ExportFakes.Pipelines();
        export = new ExportServiceImpl(companies, contacts, ExportFakes.batch(companies, contacts), deals,
                pipelines.service(), events);
        // slf4j-simple writes to whatever System.err is at the time of the call
        originalErr = System.err;
        log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @After
    public void tearDown() {
        System.setErr(originalErr);
    }

    String auditLog() {
        return log.toString(StandardCharsets.UTF_8);
    }

    static Map<String, Object> custom(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static CompanyDto company(long id, String name, Map<String, Object> customFields) {
        return new CompanyDto(id, 1, name, null, null, null, null, null, List.of(), List.of(), null, Set.of(),
                customFields, "boss", false, T1, T1);
    }

    static ContactDto contact(long id, String first, String last) {
        return new ContactDto(id, 2, first, last, null, List.of(), List.of(), null, null, Set.of(), Map.of(), "anna",
                null, List.of(), false, T1, T2);
    }

    static String csv(ByteArrayOutputStream out) {
        byte[] bytes = out.toByteArray();
        assertArrayEquals("UTF-8 BOM", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                Arrays.copyOf(bytes, 3));
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    String auditLine(String level) {
        for (String line : auditLog().split("\\R")) {
            int at = line.indexOf(level + " " + ExportService.AUDIT_LOGGER + " - ");
            if (at >= 0) {
                return line.substring(at + (level + " " + ExportService.AUDIT_LOGGER + " - ").length());
            }
        }
        throw new AssertionError("no " + level + " audit line in: " + auditLog());
    }
}
