package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.security.UserDto;
import io.tessera.crm.api.security.UserService;
import java.util.List;
import java.util.Set;

/** Users: admin, manager, anna and ben (sales). */
class FakeUsers implements UserService {
    final Set<String> names = Set.of("admin", "manager", "anna", "ben");

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
