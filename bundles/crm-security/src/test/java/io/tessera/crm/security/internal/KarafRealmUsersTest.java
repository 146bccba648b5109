package io.tessera.crm.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Against Karaf's real properties backing engine, on a users file in a temporary folder (without password hashing:
 * Karaf's encryption support needs an OSGi framework to find its encryption service; the Pax Exam tests have it).
 */
public class KarafRealmUsersTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static JaasRealm realm(Path users) {
        // as Karaf registers it: behind its proxy login module, the real class named in an option
        AppConfigurationEntry entry = new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                Map.of("users", users.toString(), ProxyLoginModule.PROPERTY_MODULE,
                        PropertiesLoginModule.class.getName()));
        return new JaasRealm() {
            @Override
            public String getName() {
                return "karaf";
            }

            @Override
            public int getRank() {
                return 0;
            }

            @Override
            public AppConfigurationEntry[] getEntries() {
                return new AppConfigurationEntry[]{entry};
            }
        };
    }

    @Test
    public void aUserAndItsRolesReplaceTheFileInOneStep() throws Exception {
        Path users = folder.newFolder("etc").toPath().resolve("users.properties");
        Files.writeString(users, "# users\nadmin = {CRYPT}AB{CRYPT},crm-admin,ssh\n", StandardCharsets.UTF_8);
        Object before = Files.readAttributes(users, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        KarafRealmUsers realm = KarafRealmUsers.of("karaf", List.of(realm(users)),
                List.of(new PropertiesBackingEngineFactory()));

        realm.add("anna", "secret-password", List.of("crm-sales", "ssh"));

        String text = Files.readString(users, StandardCharsets.UTF_8);
        assertTrue(text, text.contains("admin = {CRYPT}AB{CRYPT},crm-admin,ssh"));
        assertTrue(text, text.contains("anna = secret-password,crm-sales,ssh"));
        // replaced by a rename (a new file), no copy left behind
        Object after = Files.readAttributes(users, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertTrue(before + " " + after, before == null || !before.equals(after));
        try (var files = Files.list(users.getParent())) {
            assertEquals(List.of(users), files.toList());
        }
        KarafRealmUsers fresh = KarafRealmUsers.of("karaf", List.of(realm(users)),
                List.of(new PropertiesBackingEngineFactory()));
        assertEquals(Set.of("crm-sales", "ssh"), fresh.roles("anna"));
        fresh.addRoles("anna", List.of("crm-manager"));
        assertEquals(Set.of("crm-sales", "ssh", "crm-manager"), KarafRealmUsers.of("karaf", List.of(realm(users)),
                List.of(new PropertiesBackingEngineFactory())).roles("anna"));
    }
}
