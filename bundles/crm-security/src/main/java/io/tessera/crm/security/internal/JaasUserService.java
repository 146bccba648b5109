package io.tessera.crm.security.internal;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.security.UserDto;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.support.validation.Checks;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * CRM users in Karaf's JAAS realm (users.properties by default), so the REST API, the SSH console and Karaf's own
 * commands all know the same people. Creates the first administrator on first start.
 */
@Component(service = UserService.class, immediate = true, configurationPid = "io.tessera.crm.security")
@Designate(ocd = SecurityConfiguration.class)
public class JaasUserService implements UserService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JaasUserService.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    /** Karaf role needed to log in over SSH. */
    static final String SSH_ROLE = "ssh";
    /**
     * Karaf's own roles for CRM admins: console, feature and configuration management. Given as roles, not through
     * Karaf's admingroup, because Karaf's password hashing (etc/org.apache.karaf.jaas.cfg) mangles group entries.
     */
    static final List<String> KARAF_ADMIN_ROLES = List.of("admin", "manager", "viewer", "systembundles");

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();
    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    private final List<BackingEngineFactory> engineFactories = new CopyOnWriteArrayList<>();

    private SecurityConfiguration config;
    private volatile CachedRealm cached;

    @Activate
    void activate(SecurityConfiguration config) {
        this.config = config;
        Path dataDir = Paths.get(System.getProperty("karaf.data", "data"));
        new FirstAdmin(users(), config.adminUsername(), dataDir).ensure(System.getenv("CRM_ADMIN_PASSWORD"));
    }

    /**
     * The realm's users. Building Karaf's backing engine reads the whole users file, and {@link #exists} is asked on
     * every record a user creates, so the engine is kept until the file changes (its time stamp or size).
     */
    private RealmUsers users() {
        CachedRealm cached = this.cached;
        if (cached != null && cached.isCurrent()) {
            return cached.users();
        }
        // The stamp is taken before the engine reads the file, so a change made meanwhile is seen next time.
        java.nio.file.Path knownFile = cached == null ? null : cached.file();
        String stampBefore = CachedRealm.stampOf(knownFile);
        KarafRealmUsers fresh = KarafRealmUsers.of(config.realm(), List.copyOf(realms), List.copyOf(engineFactories));
        this.cached = new CachedRealm(fresh, fresh.file(),
                java.util.Objects.equals(fresh.file(), knownFile) ? stampBefore : null);
        return fresh;
    }

    /** A realm's engine with the state of its users file when the engine read it. */
    private record CachedRealm(KarafRealmUsers users, java.nio.file.Path file, String stamp) {
        boolean isCurrent() {
            return file != null && stamp != null && stamp.equals(stampOf(file));
        }

        static String stampOf(java.nio.file.Path file) {
            try {
                return file == null ? null
                        : java.nio.file.Files.getLastModifiedTime(file).toString() + "/" + java.nio.file.Files.size(file);
            } catch (java.io.IOException e) {
                return null;
            }
        }
    }

    @Override
    public List<UserDto> list(Caller caller) {
        if (!caller.seesAll()) {
            throw new AccessDeniedException("only admins and managers may list users");
        }
        RealmUsers users = users();
        return users.usernames().stream()
                .map(name -> new UserDto(name, crmRoles(users.roles(name))))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized UserDto add(Caller caller, String username, String password, String role) {
        if (!caller.isAdmin()) {
            throw new AccessDeniedException("only admins may add users");
        }
        new Checks()
                .required("username", username)
                .check(username == null || USERNAME.matcher(username).matches(), "username",
                        "use 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
                .required("password", password)
                .check(password == null || password.length() >= 8, "password", "must have at least 8 characters")
                .maxLength("password", password, 200)
                .required("role", role)
                .check(role == null || Roles.isCrmRole(role), "role", "must be crm-admin, crm-manager or crm-sales")
                .throwIfAny();
        RealmUsers users = users();
        if (users.exists(username)) {
            throw new ConflictException("user " + username + " exists already");
        }
        users.add(username, password, realmRoles(role));
        return new UserDto(username, crmRoles(ensureRoles(username, realmRoles(role))));
    }

    /**
     * Reads the new user back from the realm and adds any role that did not stick: a safety net. Before
     * {@link KarafRealmUsers} replaced the users file in one step, Karaf's encryption support, reading the file while
     * it was half-written, wrote back a copy that had the user but not yet its roles.
     */
    private Set<String> ensureRoles(String username, List<String> wanted) {
        for (int attempt = 0; attempt < 3; attempt++) {
            RealmUsers fresh = users();
            Set<String> missing = new java.util.HashSet<>(wanted);
            missing.removeAll(fresh.roles(username));
            if (missing.isEmpty()) {
                return fresh.roles(username);
            }
            LOG.warn("Roles {} of new user {} were lost from the user file by a concurrent write; adding them again",
                    missing, username);
            fresh.addRoles(username, missing);
        }
        return users().roles(username);
    }

    @Override
    public boolean exists(String username) {
        return username != null && users().exists(username);
    }

    /** The realm roles a user with this CRM role gets: the role itself, SSH, and Karaf's admin roles for admins. */
    static List<String> realmRoles(String crmRole) {
        List<String> roles = new java.util.ArrayList<>(List.of(crmRole, SSH_ROLE));
        if (Roles.ADMIN.equals(crmRole)) {
            roles.addAll(KARAF_ADMIN_ROLES);
        }
        return roles;
    }

    private static Set<String> crmRoles(Set<String> roles) {
        return roles.stream().filter(Roles::isCrmRole).collect(Collectors.toCollection(TreeSet::new));
    }
}
