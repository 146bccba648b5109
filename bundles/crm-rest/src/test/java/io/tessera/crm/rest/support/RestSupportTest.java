package io.tessera.crm.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

public class RestSupportTest {
    private final ObjectMapper json = Json.newMapper();

    private static CompanyDto acme() {
        return new CompanyDto(7, 3, "Acme", "Acme LLC", "7701", "Furniture", "https://acme.com", "acme.com",
                List.of("+79123456789"), List.of("a@acme.com"), new Address("Main 1", "Baku", null, "AZ1000", "AZ"),
                Set.of("vip"), Map.of("segment", "retail", "size", 40), "anna", false,
                Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-02T10:00:00Z"));
    }

    private JsonNode tree(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    public void mergePatchChangesOnlyWhatItNamesAndRemovesNulledKeys() throws Exception {
        CompanyInput merged = RestSupport.merge(acme(), tree("{\"industry\":\"Kitchens\",\"version\":3,"
                + "\"address\":{\"city\":\"Ganja\",\"street\":null},\"customFields\":{\"size\":null,\"tier\":2}}"),
                CompanyInput.class);

        assertEquals("Acme", merged.name());
        assertEquals("Kitchens", merged.industry());
        assertEquals("Ganja", merged.address().city());
        assertNull(merged.address().street());
        assertEquals("AZ1000", merged.address().postalCode());
        assertEquals(Map.of("segment", "retail", "tier", 2), merged.customFields());
        assertEquals(List.of("a@acme.com"), merged.emails());
        assertEquals("anna", merged.owner());
    }

    @Test
    public void mergePatchNamesEveryUnknownOrReadOnlyField() throws Exception {
        try {
            RestSupport.merge(acme(), tree("{\"id\":1,\"domain\":\"x.com\",\"name\":\"ok\"}"), CompanyInput.class);
            fail();
        } catch (ValidationException e) {
            assertEquals(List.of(new FieldError("id", "is not a known field"),
                    new FieldError("domain", "is not a known field")), e.errors());
        }
    }

    @Test
    public void mergePatchReportsWrongTypesByField() throws Exception {
        try {
            RestSupport.merge(acme(), tree("{\"phones\":\"123\"}"), CompanyInput.class);
            fail();
        } catch (ValidationException e) {
            assertEquals("phones", e.errors().get(0).field());
        }
        try {
            RestSupport.merge(acme(), tree("[1]"), CompanyInput.class);
            fail();
        } catch (ValidationException e) {
            assertEquals("body", e.errors().get(0).field());
        }
    }

    @Test
    public void expectedVersionPrefersIfMatchThenBodyThenCurrent() throws Exception {
        assertEquals(4, RestSupport.expectedVersion("\"4\"", tree("{\"version\":9}"), 5));
        assertEquals(4, RestSupport.expectedVersion("W/\"4\"", null, 5));
        assertEquals(9, RestSupport.expectedVersion(null, tree("{\"version\":9}"), 5));
        assertEquals(5, RestSupport.expectedVersion(null, tree("{}"), 5));
        assertEquals(5, RestSupport.expectedVersion("*", null, 5));
        expectError("If-Match", () -> RestSupport.expectedVersion("\"abc\"", null, 5));
        expectError("version", () -> RestSupport.expectedVersion(null, tree("{\"version\":\"x\"}"), 5));
    }

    @Test
    public void queryParametersAreParsedWithFieldErrors() {
        assertEquals(new Paging(50, null), RestSupport.paging(null, ""));
        assertEquals(new Paging(500, "abc"), RestSupport.paging("500", "abc"));
        expectError("limit", () -> RestSupport.paging("100000", null));
        expectError("limit", () -> RestSupport.paging("0", null));
        expectError("limit", () -> RestSupport.paging("ten", null));
        assertEquals(Boolean.TRUE, RestSupport.boolParam("overdue", "TRUE"));
        expectError("overdue", () -> RestSupport.boolParam("overdue", "maybe"));
        expectError("status", () -> RestSupport.enumParam("status", "closed", io.tessera.crm.api.deals.DealStatus.class));
        assertEquals(io.tessera.crm.api.deals.DealStatus.WON,
                RestSupport.enumParam("status", "won", io.tessera.crm.api.deals.DealStatus.class));
        expectError("body", () -> RestSupport.body(null));
    }

    interface Call {
        Object run() throws Exception;
    }

    private static void expectError(String field, Call call) {
        try {
            call.run();
            fail("expected a validation error on " + field);
        } catch (ValidationException e) {
            assertEquals(field, e.errors().get(0).field());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
