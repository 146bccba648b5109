package io.tessera.crm.importer.internal;

import io.tessera.crm.api.security.UserService;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The owners one import's file names, each looked up once: a username as written or in lower case. Anything else (an
 * export of amoCRM or Bitrix24 names the owner by the person's name) is not taken from the file, so the record keeps
 * its owner or, when new, goes to the importing user, and the row's report says so; the row is not refused for it.
 */
final class Owners {
    private final UserService users;
    private final Map<String, Optional<String>> resolved = new HashMap<>();

    Owners(UserService users) {
        this.users = users;
    }

    /** Replaces the row's owner by the username it names, or drops it with a note. */
    void settle(Draft d, List<String> notes) {
        if (d.owner == null) {
            return;
        }
        Optional<String> username = resolved.computeIfAbsent(d.owner, this::username);
        if (username.isEmpty()) {
            notes.add("owner '" + d.owner + "' is not a user here: not taken from the file");
        }
        d.owner = username.orElse(null);
    }

    private Optional<String> username(String owner) {
        if (users.exists(owner)) {
            return Optional.of(owner);
        }
        String lower = owner.toLowerCase(Locale.ROOT);
        return users.exists(lower) ? Optional.of(lower) : Optional.empty();
    }
}
