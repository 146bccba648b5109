package io.tessera.crm.shell.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.owners.ReassignResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class FormatTest {

    @Test
    public void reassignMessageListsTypesByName() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("tasks", 2);
        counts.put("deals", 2);
        counts.put("contacts", 5);
        counts.put("companies", 3);
        assertEquals("Moved 12 records from anna to boris: companies 3, contacts 5, deals 2, tasks 2",
                Format.reassigned(new ReassignResult("anna", "boris", counts, 12)));
    }

    @Test
    public void reassignMessageForOneAndForNothing() {
        assertEquals("Moved 1 record from anna to boris: contacts 1",
                Format.reassigned(new ReassignResult("anna", "boris", Map.of("contacts", 1), 1)));
        assertEquals("Moved 0 records from anna to boris",
                Format.reassigned(new ReassignResult("anna", "boris", Map.of(), 0)));
        assertEquals("Moved 0 records from anna to boris",
                Format.reassigned(new ReassignResult("anna", "boris", null, 0)));
    }

    @Test
    public void validationErrorsGetOneLineEach() {
        ValidationException v = new ValidationException(List.of(new FieldError("username", "already taken"),
                new FieldError("password", "must be at least 8 characters")));
        assertEquals(List.of("Invalid input:", "  username: already taken", "  password: must be at least 8 characters"),
                CrmAction.describe(v));
    }

    @Test
    public void otherErrorsAreOneLine() {
        assertEquals(List.of("Error: user zoe not found"), CrmAction.describe(new NotFoundException("user", "zoe")));
        assertEquals(List.of("Error: user boris exists"), CrmAction.describe(new ConflictException("user boris exists")));
    }

    @Test
    public void joinAndName() {
        assertEquals("a@x.org, b@x.org", Format.join(List.of("a@x.org", "b@x.org")));
        assertEquals("1, 2", Format.join(List.of(1L, 2L)));
        assertEquals("", Format.join(null));
        assertEquals("", Format.join(List.of()));
        assertEquals("Anna Berg", Format.name(" Anna ", "Berg"));
        assertEquals("Berg", Format.name(null, "Berg"));
        assertEquals("Anna", Format.name("Anna", ""));
    }
}
