package io.tessera.crm.shell.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.security.UserDto;
import io.tessera.crm.api.security.UserService;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.console.Session;
import org.junit.Test;

/** crm:users and crm:user-add, run as Karaf runs them. */
public class UserCommandsTest extends CommandRunner {
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

    /** crm:user-add USERNAME ROLE [--password PASSWORD] (null: no option), on the given service and session. */
    private static UserAddCommand userAdd(Users service, Session session, String username, String role,
                                          String password) {
        UserAddCommand cmd = new UserAddCommand();
        cmd.users = service;
        cmd.session = session;
        cmd.username = username;
        cmd.role = role;
        cmd.password = password;
        return cmd;
    }

    @Test
    public void userAddWithPasswordOption() throws Exception {
        Users service = new Users();
        ScriptedSession session = new ScriptedSession();
        UserAddCommand cmd = userAdd(service, session.proxy(), "boris", "crm-sales", "s3cret-pw");
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
        UserAddCommand cmd = userAdd(service, session.proxy(), "boris", "crm-manager", null);
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
        UserAddCommand cmd = userAdd(service, session.proxy(), "boris", "crm-sales", null);
        runAs(cmd, "karl", "crm-admin");
        assertEquals(List.of(), service.added);
        assertEquals(List.of(UserAddCommand.MISMATCH), lines(err()));
    }

    @Test
    public void userAddStopsWithoutPasswordInput() throws Exception {
        Users service = new Users();
        ScriptedSession session = new ScriptedSession(); // readLine answers null: end of input
        UserAddCommand cmd = userAdd(service, session.proxy(), "boris", "crm-sales", null);
        runAs(cmd, "karl", "crm-admin");
        assertEquals(List.of(), service.added);
        assertEquals(List.of(UserAddCommand.NO_PASSWORD), lines(err()));
    }

    @Test
    public void userAddRejectsAnUnknownRoleBeforeAskingForThePassword() throws Exception {
        Users service = new Users();
        ScriptedSession session = new ScriptedSession();
        UserAddCommand cmd = userAdd(service, session.proxy(), "boris", "admin", null);
        runAs(cmd, "karl", "crm-admin");
        assertEquals(List.of(), session.prompts);
        assertEquals(List.of(), service.added);
        assertEquals(List.of("Invalid input:", "  role: must be one of crm-admin, crm-manager, crm-sales"), lines(err()));
    }

    @Test
    public void userAddShowsServiceValidation() throws Exception {
        Users service = new Users();
        service.users.put("boris", Set.of("crm-sales"));
        UserAddCommand cmd = userAdd(service, new ScriptedSession().proxy(), "boris", "crm-sales", "pw-12345");
        runAs(cmd, "karl", "crm-admin");
        assertEquals(List.of("Invalid input:", "  username: already taken"), lines(err()));
        assertEquals("", out());
    }
}
