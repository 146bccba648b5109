package io.tessera.crm.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
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
import io.tessera.crm.api.security.UserDto;
import io.tessera.crm.api.security.UserService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import org.apache.karaf.shell.api.console.Session;
import org.junit.Test;

/** Runs the commands as Karaf does (as a JAAS subject), against small in-memory services. */
public class CommandsTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @SuppressWarnings("removal")
    private void runAs(CrmAction action, String user, String... roles) throws Exception {
        action.out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        action.err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        Object result = Subject.doAs(ShellCallerTest.subject(user, roles),
                (PrivilegedExceptionAction<Object>) action::execute);
        assertNull(result);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** The table's rows (header first) as trimmed cells, whatever separator ShellTable chose for the stream. */
    private static List<List<String>> cells(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.matches("[-─┼+\\s]+")) {
                continue;
            }
            rows.add(Arrays.stream(line.split("[│|]", -1)).map(String::trim).collect(Collectors.toList()));
        }
        return rows;
    }

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
        cmd.err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        assertNull(cmd.execute());
        assertEquals(List.of(), service.queries);
        assertEquals(List.of(ShellCaller.NO_CRM_ROLE), lines(err()));
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
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

    // ---- crm:users and crm:user-add

    static final class Users implements UserService {
        final Map<String, Set<String>> users = new TreeMap<>();
        final List<String> added = new ArrayList<>();

        @Override
        public List<UserDto> list(Caller caller) {
            if (!caller.isAdmin()) {
                throw new AccessDeniedException("admins only");
            }
            List<UserDto> list = users.entrySet().stream().map(e -> new UserDto(e.getKey(), e.getValue()))
                    .collect(Collectors.toList());
            java.util.Collections.reverse(list); // the command sorts
            return list;
        }

        @Override
        public UserDto add(Caller caller, String username, String password, String role) {
            if (users.containsKey(username)) {
                throw new ValidationException("username", "already taken");
            }
            added.add(caller.username() + " added " + username + "/" + password + "/" + role);
            users.put(username, Set.of(role));
            return new UserDto(username, Set.of(role));
        }

        @Override
        public boolean exists(String username) {
            return users.containsKey(username);
        }
    }

    @Test
    public void usersTable() throws Exception {
        Users service = new Users();
        service.users.put("anna", Set.of("crm-sales"));
        service.users.put("karl", Set.of("crm-manager", "crm-admin"));
        UsersCommand cmd = new UsersCommand();
        cmd.users = service;
        runAs(cmd, "karl", "crm-admin");
        assertEquals(List.of(List.of("Username", "Roles"), List.of("anna", "crm-sales"),
                List.of("karl", "crm-admin, crm-manager")), cells(out()));
    }

    @Test
    public void usersDeniedForSales() throws Exception {
        UsersCommand cmd = new UsersCommand();
        cmd.users = new Users();
        runAs(cmd, "anna", "crm-sales");
        assertEquals(List.of("Error: admins only"), lines(err()));
        assertEquals("", out());
    }

    /** A console session that answers readLine from a script and records the prompts and masks. */
    static final class ScriptedSession {
        final Deque<String> answers = new ArrayDeque<>();
        final List<String> prompts = new ArrayList<>();

        Session proxy() {
            return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                    (p, m, args) -> {
                        if (m.getName().equals("readLine")) {
                            prompts.add(args[0] + "[" + args[1] + "]");
                            return answers.poll();
                        }
                        throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    @Test
    public void userAddWithPasswordOption() throws Exception {
        Users service = new Users();
        ScriptedSession session = new ScriptedSession();
        UserAddCommand cmd = new UserAddCommand();
        cmd.users = service;
        cmd.session = session.proxy();
        cmd.username = "boris";
        cmd.role = "crm-sales";
        cmd.password = "s3cret-pw";
        runAs(cmd, "karl", "crm-admin");
        assertEquals(List.of("karl added boris/s3cret-pw/crm-sales"), service.added);
        assertEquals(List.of(), session.prompts);
        assertEquals(List.of("Added user boris (crm-sales)"), lines(out()));
    }

    @Test
    public void userAddPromptsForThePasswordWithoutEcho() throws Exception {
        Users service = new Users();
        ScriptedSession session = new ScriptedSession();
        session.answers.add("hidden-pw");
        session.answers.add("hidden-pw");
        UserAddCommand cmd = new UserAddCommand();
        cmd.users = service;
        cmd.session = session.proxy();
        cmd.username = "boris";
        cmd.role = "crm-manager";
        runAs(cmd, "karl", "crm-admin");
        assertEquals(List.of("Password for boris: [*]", "Repeat the password: [*]"), session.prompts);
        assertEquals(List.of("karl added boris/hidden-pw/crm-manager"), service.added);
        assertEquals(List.of("Added user boris (crm-manager)"), lines(out()));
    }

    @Test
    public void userAddStopsWhenThePasswordsDiffer() throws Exception {
        Users service = new Users();
        ScriptedSession session = new ScriptedSession();
        session.answers.add("one-pw");
        session.answers.add("other-pw");
        UserAddCommand cmd = new UserAddCommand();
        cmd.users = service;
        cmd.session = session.proxy();
        cmd.username = "boris";
        cmd.role = "crm-sales";
        runAs(cmd, "karl", "crm-admin");
        assertEquals(List.of(), service.added);
        assertEquals(List.of(UserAddCommand.MISMATCH), lines(err()));
    }

    @Test
    public void userAddStopsWithoutPasswordInput() throws Exception {
        Users service = new Users();
        ScriptedSession session = new ScriptedSession(); // readLine answers null: end of input
        UserAddCommand cmd = new UserAddCommand();
        cmd.users = service;
        cmd.session = session.proxy();
        cmd.username = "boris";
        cmd.role = "crm-sales";
        runAs(cmd, "karl", "crm-admin");
        assertEquals(List.of(), service.added);
        assertEquals(List.of(UserAddCommand.NO_PASSWORD), lines(err()));
    }

    @Test
    public void userAddRejectsAnUnknownRoleBeforeAskingForThePassword() throws Exception {
        Users service = new Users();
        ScriptedSession session = new ScriptedSession();
        UserAddCommand cmd = new UserAddCommand();
        cmd.users = service;
        cmd.session = session.proxy();
        cmd.username = "boris";
        cmd.role = "admin";
        runAs(cmd, "karl", "crm-admin");
        assertEquals(List.of(), session.prompts);
        assertEquals(List.of(), service.added);
        assertEquals(List.of("Invalid input:", "  role: must be one of crm-admin, crm-manager, crm-sales"), lines(err()));
    }

    @Test
    public void userAddShowsServiceValidation() throws Exception {
        Users service = new Users();
        service.users.put("boris", Set.of("crm-sales"));
        UserAddCommand cmd = new UserAddCommand();
        cmd.users = service;
        cmd.session = new ScriptedSession().proxy();
        cmd.username = "boris";
        cmd.role = "crm-sales";
        cmd.password = "pw-12345";
        runAs(cmd, "karl", "crm-admin");
        assertEquals(List.of("Invalid input:", "  username: already taken"), lines(err()));
        assertEquals("", out());
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
