package io.tessera.crm.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.owners.ReassignResult;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

/** crm:contacts and crm:reassign, run as Karaf runs them. */
public class CommandsTest extends CommandRunner {
    // ---- crm:contacts

    static final class Contacts implements ContactService {
        final List<RecordQuery> queries = new ArrayList<>();
        final List<Caller> callers = new ArrayList<>();
        Page<ContactDto> answer = new Page<>(List.of(), null);

        @Override
        public Page<ContactDto> list(Caller caller, RecordQuery query) {
            callers.add(caller);
            queries.add(query);
            return answer;
        }

        @Override
        public ContactDto create(Caller caller, ContactInput input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ContactDto get(Caller caller, long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ContactDto update(Caller caller, long id, long expectedVersion, ContactInput input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ContactDto archive(Caller caller, long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ContactDto restore(Caller caller, long id) {
            throw new UnsupportedOperationException();
        }
    }

    static ContactDto contact(long id, String first, String last, List<String> emails, List<String> phones,
                              String owner, List<Long> companyIds) {
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        return new ContactDto(id, 1, first, last, null, phones, emails, null, null, Set.of(), Map.of(), owner, null,
                companyIds, false, t, t);
    }

    @Test
    public void contactsAreATableWithAHintWhenThereIsMore() throws Exception {
        Contacts service = new Contacts();
        service.answer = new Page<>(List.of(
                contact(7, "Anna", "Berg", List.of("anna@berg.se", "a@b.se"), List.of("+46 70 1"), "anna", List.of(1L, 2L)),
                contact(12, null, "Nilsson", List.of(), List.of(), "boris", List.of())), "cursor-2");
        ContactsCommand cmd = new ContactsCommand();
        cmd.contacts = service;
        cmd.query = "berg";
        cmd.limit = 2;
        runAs(cmd, "anna", "crm-sales");

        assertEquals(List.of(new RecordQuery("berg", null, null, null, false, null, new io.tessera.crm.api.Paging(2, null))),
                service.queries);
        assertEquals(List.of(Caller.of("anna", "crm-sales")), service.callers);
        String[] lines = out().split("\\R");
        assertEquals("\u2026 more, refine the query", lines[lines.length - 1]);
        List<List<String>> rows = cells(out().substring(0, out().lastIndexOf("\u2026")));
        assertEquals(List.of(
                List.of("Id", "Name", "Emails", "Phones", "Owner", "Companies"),
                List.of("7", "Anna Berg", "anna@berg.se, a@b.se", "+46 70 1", "anna", "1, 2"),
                List.of("12", "Nilsson", "", "", "boris", "")), rows);
        assertEquals("", err());
    }

    @Test
    public void contactsDefaultsAndArchive() throws Exception {
        Contacts service = new Contacts();
        service.answer = new Page<>(List.of(contact(3, "Eva", "Ek", List.of(), List.of(), "eva", List.of(4L))), null);
        ContactsCommand cmd = new ContactsCommand();
        cmd.contacts = service;
        cmd.archived = true;
        runAs(cmd, "karl", "crm-admin");

        RecordQuery q = service.queries.get(0);
        assertNull(q.q());
        assertEquals(true, q.archived());
        assertEquals(50, q.paging().limit());
        assertNull(q.paging().cursor());
        assertEquals(2, cells(out()).size());
        assertTrue(!out().contains("more, refine"));
    }

    @Test
    public void noContacts() throws Exception {
        Contacts service = new Contacts();
        ContactsCommand cmd = new ContactsCommand();
        cmd.contacts = service;
        runAs(cmd, "anna", "crm-sales");
        assertEquals("No contacts." + System.lineSeparator(), out());
    }

    @Test
    public void badLimitIsAFieldErrorAndNoQuery() throws Exception {
        Contacts service = new Contacts();
        ContactsCommand cmd = new ContactsCommand();
        cmd.contacts = service;
        cmd.limit = 0;
        runAs(cmd, "anna", "crm-sales");
        assertEquals(List.of(), service.queries);
        assertEquals("", out());
        assertEquals(List.of("Invalid input:", "  limit: must be between 1 and 500"), lines(err()));
    }

    @Test
    public void withoutCrmRoleNothingHappens() throws Exception {
        Contacts service = new Contacts();
        ContactsCommand cmd = new ContactsCommand();
        cmd.contacts = service;
        runAs(cmd, "karaf", "admin", "viewer");
        assertEquals(List.of(), service.queries);
        assertEquals("", out());
        assertEquals(List.of("You need a CRM role (crm-admin, crm-manager or crm-sales) to use crm:*"), lines(err()));
    }

    @Test
    public void withoutSubjectNothingHappens() throws Exception {
        Contacts service = new Contacts();
        ContactsCommand cmd = new ContactsCommand();
        cmd.contacts = service;
        cmd.out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        CommandException refused = assertThrows(CommandException.class, cmd::execute);
        assertEquals(List.of(), service.queries);
        assertEquals(ShellCaller.NO_CRM_ROLE, refused.getMessage());
        assertEquals("", out());
    }

    // ---- crm:reassign

    @Test
    public void reassignPrintsTheCounts() throws Exception {
        List<String> calls = new ArrayList<>();
        ReassignCommand cmd = new ReassignCommand();
        cmd.owners = (caller, from, to) -> {
            calls.add(caller.username() + ":" + from + "->" + to);
            Map<String, Integer> counts = new TreeMap<>(Map.of("companies", 3, "contacts", 5, "deals", 2, "tasks", 2));
            return new ReassignResult(from, to, counts, 12);
        };
        cmd.from = "anna";
        cmd.to = "boris";
        runAs(cmd, "maria", "crm-manager");
        assertEquals(List.of("maria:anna->boris"), calls);
        assertEquals(List.of("Moved 12 records from anna to boris: companies 3, contacts 5, deals 2, tasks 2"), lines(out()));
        assertEquals("", err());
    }

    @Test
    public void reassignErrorsAreShortMessages() throws Exception {
        ReassignCommand cmd = new ReassignCommand();
        cmd.owners = (caller, from, to) -> {
            throw new ValidationException(List.of(new FieldError("from", "no such user"), new FieldError("to", "no such user")));
        };
        cmd.from = "ghost";
        cmd.to = "nobody";
        runAs(cmd, "maria", "crm-manager");
        assertEquals(List.of("Invalid input:", "  from: no such user", "  to: no such user"), lines(err()));
        assertEquals("", out());

        errBytes.reset();
        ReassignCommand denied = new ReassignCommand();
        denied.owners = (caller, from, to) -> {
            throw new AccessDeniedException("only admins and managers may reassign records");
        };
        denied.from = "anna";
        denied.to = "boris";
        runAs(denied, "sam", "crm-sales");
        assertEquals(List.of("Error: only admins and managers may reassign records"), lines(err()));
    }

    @Test
    public void notFoundIsOneLine() throws Exception {
        ReassignCommand cmd = new ReassignCommand();
        cmd.owners = (caller, from, to) -> {
            throw new NotFoundException("user", from);
        };
        cmd.from = "ghost";
        cmd.to = "boris";
        runAs(cmd, "karl", "crm-admin");
        assertEquals(List.of("Error: user ghost not found"), lines(err()));
    }
}
