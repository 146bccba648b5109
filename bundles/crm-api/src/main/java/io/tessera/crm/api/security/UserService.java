package io.tessera.crm.api.security;

import io.tessera.crm.api.Caller;
import java.util.List;

/** The users of the CRM, kept in Karaf's JAAS realm. */
public interface UserService {
    List<UserDto> list(Caller caller);

    /** Creates a user with one CRM role ({@code crm-admin}, {@code crm-manager} or {@code crm-sales}). Admin only. */
    UserDto add(Caller caller, String username, String password, String role);

    /** Whether a user of that name exists; services use it to check owners and assignees. */
    boolean exists(String username);
}
