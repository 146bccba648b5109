package io.tessera.crm.rest.contacts;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.DuplicateGroup;
import io.tessera.crm.api.contacts.DuplicateService;
import io.tessera.crm.api.contacts.MergeConflict;
import io.tessera.crm.api.contacts.MergeRecord;
import io.tessera.crm.rest.support.Json;
import io.tessera.crm.rest.support.RestSupport;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;
import org.junit.Test;

public class ContactMergeResourceTest {
    static final Caller BOSS = Caller.of("boss", "crm-manager");
    static final ContactDto SURVIVOR = new ContactDto(5, 3, "Ivan", "Petrov", null, List.of(), List.of("ivan@x.com"),
            null, null, Set.of(), Map.of(), "boss", null, List.of(), false, Instant.EPOCH, Instant.EPOCH);

    private static HttpServletRequest request(Caller caller) {
        return (HttpServletRequest) Proxy.newProxyInstance(ContactMergeResourceTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getAttribute") && RestSupport.CALLER_ATTRIBUTE.equals(args[0])) {
                        return caller;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Records the calls; answers fixed values. */
    static final class Duplicates implements DuplicateService {
        final List<String> calls = new ArrayList<>();

        @Override
        public Page<DuplicateGroup> contactDuplicates(Caller caller, Paging paging) {
            calls.add("contacts " + caller.username() + " " + paging.limit() + " " + paging.cursor());
            return new Page<>(List.of(new DuplicateGroup(List.of(5L, 12L), "same email ivan@x.com", "EMAIL")), "next");
        }

        @Override
        public Page<DuplicateGroup> companyDuplicates(Caller caller, Paging paging) {
            calls.add("companies " + caller.username());
            return new Page<>(List.of(), null);
        }

        @Override
        public List<Long> matchContacts(Caller caller, ContactInput input) {
            return List.of();
        }

        @Override
        public List<Long> matchCompanies(Caller caller, CompanyInput input) {
            return List.of();
        }

        @Override
        public ContactDto mergeContacts(Caller caller, long survivorId, long mergedId, Long expected) {
            calls.add("merge " + caller.username() + " " + survivorId + " " + mergedId + " " + expected);
            return SURVIVOR;
        }

        @Override
        public CompanyDto mergeCompanies(Caller caller, long survivorId, long mergedId, Long expected) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<MergeRecord> contactMergeHistory(Caller caller, long contactId) {
            return List.of(new MergeRecord(5, 12, Instant.parse("2026-03-01T10:05:00Z"), "boss",
                    List.of(new MergeConflict("position", "CEO", "Director"))));
        }

        @Override
        public List<MergeRecord> companyMergeHistory(Caller caller, long companyId) {
            return List.of();
        }
    }

    @Test
    public void duplicatesAreAPageOfGroups() throws Exception {
        Duplicates service = new Duplicates();
        ContactResource resource = new ContactResource(null, service);
        ObjectMapper mapper = Json.newMapper();
        assertEquals("{\"items\":[{\"ids\":[5,12],\"reason\":\"same email ivan@x.com\",\"rule\":\"EMAIL\"}],"
                        + "\"nextCursor\":\"next\"}",
                mapper.writeValueAsString(resource.duplicates(request(BOSS), "10", "abc")));
        assertEquals(List.of("contacts boss 10 abc"), service.calls);
        assertThrows(ValidationException.class, () -> resource.duplicates(request(BOSS), "0", null));
    }

    @Test
    public void mergeTakesTheIdFromTheBodyAndTheVersionFromIfMatch() {
        Duplicates service = new Duplicates();
        ContactResource resource = new ContactResource(null, service);
        Response r = resource.merge(request(BOSS), 5, "\"2\"", new MergeRequest(12L));
        assertEquals(200, r.getStatus());
        assertEquals("3", r.getEntityTag().getValue());
        assertEquals(SURVIVOR, r.getEntity());
        resource.merge(request(BOSS), 5, null, new MergeRequest(12L));
        resource.merge(request(BOSS), 5, "*", new MergeRequest(12L));
        assertEquals(List.of("merge boss 5 12 2", "merge boss 5 12 null", "merge boss 5 12 null"), service.calls);

        assertEquals("mergeId", assertThrows(ValidationException.class,
                () -> resource.merge(request(BOSS), 5, null, new MergeRequest(null))).errors().get(0).field());
        assertEquals("body", assertThrows(ValidationException.class,
                () -> resource.merge(request(BOSS), 5, null, null)).errors().get(0).field());
        assertEquals("If-Match", assertThrows(ValidationException.class,
                () -> resource.merge(request(BOSS), 5, "\"x\"", new MergeRequest(12L))).errors().get(0).field());
    }

    @Test
    public void historyIsAPage() throws Exception {
        ContactResource resource = new ContactResource(null, new Duplicates());
        assertEquals("{\"items\":[{\"survivorId\":5,\"mergedId\":12,\"mergedAt\":\"2026-03-01T10:05:00Z\","
                        + "\"mergedBy\":\"boss\",\"conflicts\":[{\"field\":\"position\",\"survivorValue\":\"CEO\","
                        + "\"mergedValue\":\"Director\"}]}],\"nextCursor\":null}",
                Json.newMapper().writeValueAsString(resource.mergeHistory(request(BOSS), 5)));
    }

}
