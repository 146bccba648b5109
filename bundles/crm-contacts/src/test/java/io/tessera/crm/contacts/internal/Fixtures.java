package io.tessera.crm.contacts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.security.UserDto;
import io.tessera.crm.api.security.UserService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Small stand-ins for the services the bundle uses, and helpers for asserting. */
final class Fixtures {
    static final Caller ADMIN = Caller.of("admin", Roles.ADMIN);
    static final Caller MANAGER = Caller.of("boss", Roles.MANAGER);
    static final Caller IVAN = Caller.of("ivan", Roles.SALES);
    static final Caller OLGA = Caller.of("olga", Roles.SALES);

    private Fixtures() {
    }

    /** Records every event sent or posted. */
    static final class RecordingEvents implements EventAdmin {
        final List<Event> events = new ArrayList<>();

        @Override
        public void postEvent(Event event) {
            events.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            events.add(event);
        }

        Event last() {
            if (events.isEmpty()) {
                fail("no event was sent");
            }
            return events.get(events.size() - 1);
        }

        List<String> topics() {
            return events.stream().map(Event::getTopic).toList();
        }

        void clear() {
            events.clear();
        }
    }

    /** Knows admin, boss, ivan and olga. */
    static class Users implements UserService {
        final Set<String> names = new TreeSet<>(Set.of("admin", "boss", "ivan", "olga"));

        @Override
        public List<UserDto> list(Caller caller) {
            return names.stream().map(n -> new UserDto(n, Set.of(Roles.SALES))).toList();
        }

        @Override
        public UserDto add(Caller caller, String username, String password, String role) {
            names.add(username);
            return new UserDto(username, Set.of(role));
        }

        @Override
        public boolean exists(String username) {
            return names.contains(username);
        }
    }

    /** A clock the test moves forward by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** Runs the action, expects a ValidationException and returns "field: message" lines, sorted. */
    static List<String> validationErrors(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.errors().stream().map(f -> f.field() + ": " + f.message()).sorted().collect(Collectors.toList());
        }
        fail("expected a ValidationException");
        return null;
    }

    static List<String> fields(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.errors().stream().map(FieldError::field).sorted().collect(Collectors.toList());
        }
        fail("expected a ValidationException");
        return null;
    }

    static void assertFields(Runnable action, String... expected) {
        List<String> want = new ArrayList<>(List.of(expected));
        want.sort(null);
        assertEquals(want, fields(action));
    }

    static <T extends Throwable> T expect(Class<T> type, Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + t, t);
        }
        throw new AssertionError("expected " + type.getSimpleName());
    }
}
