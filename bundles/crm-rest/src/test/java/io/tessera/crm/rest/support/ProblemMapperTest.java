package io.tessera.crm.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.ContactInput;
import javax.ws.rs.core.Response;
import org.junit.Test;

public class ProblemMapperTest {
    private final ObjectMapper json = Json.newMapper();

    private Problem problemFor(String body) {
        try {
            json.readValue(body, ContactInput.class);
            throw new AssertionError("expected " + body + " to be refused");
        } catch (Exception e) {
            return ProblemMapper.toProblem(e);
        }
    }

    @Test
    public void serviceErrorsMapToTheirStatus() {
        assertEquals(400, ProblemMapper.toProblem(new ValidationException("name", "is required")).status());
        assertEquals(404, ProblemMapper.toProblem(new NotFoundException("deal", 4)).status());
        assertEquals(409, ProblemMapper.toProblem(new ConflictException("x")).status());
        assertEquals(403, ProblemMapper.toProblem(new AccessDeniedException("x")).status());
        Response stale = new ProblemMapper().toResponse(new StaleVersionException("deal", 4, 1, 2));
        assertEquals(412, stale.getStatus());
        assertEquals("2", stale.getEntityTag().getValue());
    }

    @Test
    public void jsonErrorsNameTheField() {
        assertEquals("hacker", problemFor("{\"hacker\":1}").errors().get(0).field());
        assertEquals("birthday", problemFor("{\"birthday\":\"yesterday\"}").errors().get(0).field());
        assertEquals("companyIds[1]", problemFor("{\"companyIds\":[1,\"two\"]}").errors().get(0).field());
        assertEquals("firstName", problemFor("{\"firstName\":12}").errors().get(0).field());
        Problem malformed = problemFor("{\"firstName\":");
        assertEquals(400, malformed.status());
        assertEquals("body", malformed.errors().get(0).field());
        assertEquals(400, problemFor("{\"firstName\":\"a\",\"firstName\":\"b\"}").status());
    }

    @Test
    public void unexpectedErrorsHideTheirDetails() {
        Problem problem = ProblemMapper.toProblem(new IllegalStateException("secret table name CON_COMPANY"));
        assertEquals(500, problem.status());
        assertFalse(problem.detail().contains("CON_COMPANY"));
        assertTrue(problem.detail().contains("incident"));
    }
}
