package io.tessera.crm.support.testing;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.security.UserDto;
import io.tessera.crm.api.security.UserService;
import java.util.List;
import java.util.Set;

/**
 * Users that exist, for services that only check an owner exists: admin, manager, anna and ben (sales), or the names
 * given.
 */
public class FakeUsers implements UserService {
    private final Set<String> names;

    public FakeUsers() {
        this("admin", "manager", "anna", "ben");
    }

    public FakeUsers(String... names) {
        this.names = Set.of(names);
    }

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
