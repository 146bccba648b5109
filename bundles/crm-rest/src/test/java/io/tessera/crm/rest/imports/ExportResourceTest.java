package io.tessera.crm.rest.imports;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.imports.ExportFormat;
import io.tessera.crm.api.imports.ExportService;
import io.tessera.crm.rest.support.RestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import org.junit.Test;

public class ExportResourceTest {
    static final Caller BOSS = Caller.of("boss", "crm-manager");
    static final Caller ANNA = Caller.of("anna", "crm-sales");

    /** Records the calls and writes one line naming them; refuses sales callers as the real service does. */
    static final class Exports implements ExportService {
        final List<Object> calls = new ArrayList<>();

        @Override
        public void checkAccess(Caller caller) {
            calls.add("check " + caller.username());
            if (!caller.seesAll()) {
                throw new AccessDeniedException("no");
            }
        }

        private void write(OutputStream out, String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void exportCompanies(Caller caller, RecordQuery filter, ExportFormat format, OutputStream out) {
            calls.add(filter);
            write(out, "companies " + caller.username() + " " + format);
        }

        @Override
        public void exportContacts(Caller caller, RecordQuery filter, ExportFormat format, OutputStream out) {
            calls.add(filter);
            write(out, "contacts " + caller.username() + " " + format);
        }

        @Override
        public void exportDeals(Caller caller, DealQuery filter, ExportFormat format, OutputStream out) {
            calls.add(filter);
            write(out, "deals " + caller.username() + " " + format);
        }
    }

    private static HttpServletRequest request(Caller caller) {
        return (HttpServletRequest) Proxy.newProxyInstance(ExportResourceTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getAttribute") && RestSupport.CALLER_ATTRIBUTE.equals(args[0])) {
                        return caller;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String body(Response response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((StreamingOutput) response.getEntity()).write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    public void contactsAsCsvWithFiltersAndHeaders() throws IOException {
        Exports exports = new Exports();
        Response r = new ExportResource(exports).contacts(request(BOSS), null, "petr", "anna", "vip", "42", "true",
                "-createdAt");
        assertEquals(200, r.getStatus());
        assertEquals("text/csv;charset=UTF-8", r.getHeaderString("Content-Type"));
        assertEquals("attachment; filename=\"contacts-" + today() + ".csv\"",
                r.getHeaderString("Content-Disposition"));
        assertEquals("no-store", r.getHeaderString("Cache-Control"));
        assertEquals(List.of("check boss"), exports.calls);
        assertEquals("contacts boss CSV", body(r));
        assertEquals(new RecordQuery("petr", "anna", "vip", 42L, true, "-createdAt", null), exports.calls.get(1));
    }

    @Test
    public void companiesAsXlsx() throws IOException {
        Exports exports = new Exports();
        Response r = new ExportResource(exports).companies(request(BOSS), "XLSX", " ", null, null, null, null);
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                r.getHeaderString("Content-Type"));
        assertEquals("attachment; filename=\"companies-" + today() + ".xlsx\"",
                r.getHeaderString("Content-Disposition"));
        assertEquals("companies boss XLSX", body(r));
        assertEquals(new RecordQuery(null, null, null, null, false, null, null), exports.calls.get(1));
    }

    @Test
    public void dealFiltersAreParsed() throws IOException {
        Exports exports = new Exports();
        Response r = new ExportResource(exports).deals(request(BOSS), "csv", "kitchen", "boris", "1", "3", "lost",
                "4", "5", "No budget", "no", "-amount");
        assertEquals("deals boss CSV", body(r));
        assertEquals(new DealQuery("kitchen", "boris", 1L, 3L, DealStatus.LOST, 4L, 5L, "No budget", false,
                "-amount", null), exports.calls.get(1));
    }

    @Test
    public void badParametersAnswer400NamingThem() {
        ExportResource resource = new ExportResource(new Exports());
        assertEquals("format", assertThrows(ValidationException.class,
                () -> resource.companies(request(BOSS), "pdf", null, null, null, null, null)).errors().get(0).field());
        assertEquals("companyId", assertThrows(ValidationException.class,
                () -> resource.contacts(request(BOSS), null, null, null, null, "x", null, null)).errors().get(0)
                .field());
        assertEquals("status", assertThrows(ValidationException.class,
                () -> resource.deals(request(BOSS), null, null, null, null, null, "maybe", null, null, null, null,
                        null)).errors().get(0).field());
        assertEquals("archived", assertThrows(ValidationException.class,
                () -> resource.deals(request(BOSS), null, null, null, null, null, null, null, null, null, "perhaps",
                        null)).errors().get(0).field());
    }

    @Test
    public void salesCallerIsRefusedBeforeAnythingStreams() {
        Exports exports = new Exports();
        ExportResource resource = new ExportResource(exports);
        assertThrows(AccessDeniedException.class,
                () -> resource.companies(request(ANNA), null, null, null, null, null, null));
        assertThrows(AccessDeniedException.class,
                () -> resource.contacts(request(ANNA), "xlsx", null, null, null, null, null, null));
        assertThrows(AccessDeniedException.class,
                () -> resource.deals(request(ANNA), null, null, null, null, null, null, null, null, null, null, null));
        assertEquals(List.of("check anna", "check anna", "check anna"), exports.calls);
        assertTrue(exports.calls.stream().noneMatch(c -> c instanceof RecordQuery || c instanceof DealQuery));
    }
}
