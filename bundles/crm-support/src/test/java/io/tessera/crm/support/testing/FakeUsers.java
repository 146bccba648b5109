package io.tessera.crm.support.testing;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.security.UserDto;
import io.tessera.crm.api.security.UserService;
import java.util.List;
import java.util.Set;

/** Users that exist: admin, manager, anna and ben (sales); for services that only check an owner exists. */
public class FakeUsers implements UserService {
    private final Set<String> names = Set.of("admin", "manager", "anna", "ben");

    @Override
    public List<UserDto> list(Caller caller) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserDto add(Caller caller, String username, String password, String role) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean exists(String username) {
        return names.contains(username);
    }
}
