package io.tessera.crm.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.owners.OwnershipParticipant;
import io.tessera.crm.api.owners.ReassignResult;
import io.tessera.crm.api.security.UserDto;
import io.tessera.crm.api.security.UserService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

public class ReassigningOwnerServiceTest {
    private static final Caller MANAGER = Caller.of("maria", Roles.MANAGER);

    /** Records by id -> owner, as a bundle's table would hold them. */
    static final class TableParticipant implements OwnershipParticipant {
        final String type;
        final Map<Long, String> owners = new HashMap<>();
        boolean fail;

        TableParticipant(String type) {
            this.type = type;
        }

        @Override
        public Map<String, List<Long>> reassign(String fromUser, String toUser, String actor) {
            if (fail) {
                throw new IllegalStateException("database gone");
            }
            List<Long> moved = new ArrayList<>();
            owners.forEach((id, owner) -> {
                if (owner.equals(fromUser)) {
                    moved.add(id);
                }
            });
            moved.forEach(id -> owners.put(id, toUser));
            return Map.of(type, moved);
        }

        @Override
        public void revert(Map<String, List<Long>> moved, String fromUser) {
            moved.getOrDefault(type, List.of()).forEach(id -> owners.put(id, fromUser));
        }
    }

    private final UserService users = new UserService() {
        @Override
        public List<UserDto> list(Caller caller) {
            return List.of();
        }

        @Override
        public UserDto add(Caller caller, String username, String password, String role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exists(String username) {
            return Set.of("anna", "boris", "maria").contains(username);
        }
    };

    @Test
    public void movesEveryParticipantsRecordsAndCountsThem() {
        TableParticipant companies = new TableParticipant("companies");
        companies.owners.putAll(Map.of(1L, "anna", 2L, "anna", 3L, "maria"));
        TableParticipant deals = new TableParticipant("deals");
        deals.owners.putAll(Map.of(10L, "anna"));

        ReassignResult result = new ReassigningOwnerService(users, List.of(companies, deals))
                .reassign(MANAGER, "anna", "boris");

        assertEquals(Map.of("companies", 2, "deals", 1), result.counts());
        assertEquals(3, result.total());
        assertEquals(Map.of(1L, "boris", 2L, "boris", 3L, "maria"), companies.owners);
        assertEquals(Map.of(10L, "boris"), deals.owners);
    }

    @Test
    public void givesEverythingBackWhenOneParticipantFails() {
        TableParticipant companies = new TableParticipant("companies");
        companies.owners.putAll(Map.of(1L, "anna", 2L, "anna"));
        TableParticipant deals = new TableParticipant("deals");
        deals.owners.put(10L, "anna");
        deals.fail = true;

        try {
            new ReassigningOwnerService(users, List.of(companies, deals)).reassign(MANAGER, "anna", "boris");
            fail("expected the failure to surface");
        } catch (IllegalStateException expected) {
            assertEquals("database gone", expected.getMessage());
        }
        assertEquals(Map.of(1L, "anna", 2L, "anna"), companies.owners);
        assertEquals(Map.of(10L, "anna"), deals.owners);
    }

    @Test
    public void salesStaffMayNotReassign() {
        try {
            new ReassigningOwnerService(users, List.of()).reassign(Caller.of("anna", Roles.SALES), "anna", "boris");
            fail();
        } catch (AccessDeniedException expected) {
            assertTrue(expected.getMessage().contains("reassign"));
        }
    }

    @Test
    public void rejectsUnknownTargetAndSameUser() {
        ReassigningOwnerService service = new ReassigningOwnerService(users, List.of());
        try {
            service.reassign(MANAGER, "anna", "nobody");
            fail();
        } catch (ValidationException expected) {
            assertEquals("to", expected.errors().get(0).field());
        }
        try {
            service.reassign(MANAGER, "anna", "anna");
            fail();
        } catch (ValidationException expected) {
            assertEquals("to", expected.errors().get(0).field());
        }
    }
}
