package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.imports.ExportFormat;
import io.tessera.crm.api.imports.ExportService;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.service.event.Event;

/** Who may export, what the audit log and the event say, and what a refused or failed export leaves. */
public class ExportAccessAndAuditTest extends ExportServiceFixture {
    @Test
    public void salesCallerIsRefusedAndNothingIsReadOrWritten() {
        companies.lister.items.add(company(1, "Acme", Map.of()));
        for (ExportFormat format : ExportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThrows(AccessDeniedException.class, () -> export.exportCompanies(ANNA, null, format, out));
            assertThrows(AccessDeniedException.class, () -> export.exportContacts(ANNA, null, format, out));
            assertThrows(AccessDeniedException.class, () -> export.exportDeals(ANNA, null, format, out));
            assertEquals(0, out.size());
        }
        assertThrows(AccessDeniedException.class, () -> export.checkAccess(ANNA));
        assertThrows(AccessDeniedException.class,
                () -> export.checkAccess(Caller.of("nobody")));
        export.checkAccess(BOSS);
        export.checkAccess(ADMIN);
        assertTrue(companies.lister.queries.isEmpty());
        assertTrue(contacts.lister.queries.isEmpty());
        assertTrue(deals.lister.queries.isEmpty());
        assertTrue(events.sent.isEmpty());
        assertEquals("export refused: user=anna roles=[crm-sales]", auditLine("WARN"));
    }

    @Test
    public void completedExportIsAuditedWithLogLineAndEvent() {
        companies.lister.items.add(company(1, "Acme", Map.of()));
        companies.lister.items.add(company(2, "Beta", Map.of()));
        export.exportCompanies(BOSS, new RecordQuery("ac\nme", null, null, null, false, "name", null),
                ExportFormat.XLSX, new ByteArrayOutputStream());

        assertEquals(1, events.sent.size());
        Event e = events.sent.get(0);
        assertEquals("tessera/crm/export/COMPLETED", e.getTopic());
        assertEquals("export", e.getProperty(CrmEvents.ENTITY));
        assertEquals("boss", e.getProperty(CrmEvents.ACTOR));
        assertEquals("Exported 2 companies as XLSX", e.getProperty(CrmEvents.SUMMARY));
        assertEquals("companies", e.getProperty(ExportService.PROP_RECORDS));
        assertEquals("XLSX", e.getProperty(ExportService.PROP_FORMAT));
        assertEquals(Long.valueOf(2), e.getProperty(ExportService.PROP_ROWS));
        assertEquals("q=\"ac\\nme\", archived=false, sort=\"name\"", e.getProperty(ExportService.PROP_FILTERS));
        assertEquals(List.of(), e.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(), e.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(), e.getProperty(CrmEvents.DEAL_IDS));
        assertEquals("export companies: user=boss roles=[crm-manager] format=XLSX rows=2 "
                + "filters=[q=\"ac\\nme\", archived=false, sort=\"name\"]", auditLine("INFO"));
        assertEquals(List.of(BOSS), companies.callers);
    }

    @Test
    public void invalidFilterWritesNothingAndSendsNoEvent() {
        companies.lister.failure = new ValidationException("sort", "unknown sort");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ValidationException e = assertThrows(ValidationException.class,
                () -> export.exportCompanies(BOSS, new RecordQuery(null, null, null, null, false, "bogus", null),
                        ExportFormat.CSV, out));
        assertEquals("sort", e.errors().get(0).field());
        assertEquals(0, out.size());
        assertTrue(events.sent.isEmpty());
        assertTrue(auditLine("WARN").startsWith("export companies failed: user=boss roles=[crm-manager] format=CSV "
                + "rowsWritten=0 filters=[archived=false, sort=\"bogus\"] error="));
        assertThrows(ValidationException.class,
                () -> export.exportDeals(BOSS, null, null, new ByteArrayOutputStream()));
    }

    @Test
    public void outputStreamIsNotClosed() {
        companies.lister.items.add(company(1, "Acme", Map.of()));
        for (ExportFormat format : ExportFormat.values()) {
            boolean[] closed = {false};
            ByteArrayOutputStream out = new ByteArrayOutputStream() {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            export.exportCompanies(BOSS, null, format, out);
            assertFalse(format.name(), closed[0]);
            assertTrue(out.size() > 0);
        }
    }
}
