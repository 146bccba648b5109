package io.tessera.crm.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FirstAdminTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void createsAdminWithPasswordFromEnvironmentAndWritesNoFile() throws Exception {
        InMemoryRealmUsers users = new InMemoryRealmUsers();
        Path data = tmp.newFolder("data").toPath();

        assertTrue(new FirstAdmin(users, "admin", data).ensure("s3cret-from-env"));

        assertEquals("s3cret-from-env", users.passwords.get("admin"));
        assertEquals(Set.of("crm-admin", "ssh", "admin", "manager", "viewer", "systembundles"), users.roles("admin"));
        assertFalse(Files.exists(data.resolve(FirstAdmin.PASSWORD_FILE)));
    }

    @Test
    public void createsRandomPasswordAndWritesItToTheDataFolder() throws Exception {
        InMemoryRealmUsers users = new InMemoryRealmUsers();
        Path data = tmp.newFolder("data").toPath();

        assertTrue(new FirstAdmin(users, "admin", data).ensure(null));

        String written = Files.readString(data.resolve(FirstAdmin.PASSWORD_FILE), StandardCharsets.UTF_8).trim();
        assertEquals(20, written.length());
        assertEquals(written, users.passwords.get("admin"));
    }

    @Test
    public void leavesAnExistingAdminAlone() throws Exception {
        InMemoryRealmUsers users = new InMemoryRealmUsers();
        users.add("admin", "chosen-by-admin", List.of("crm-admin"));
        Path data = tmp.newFolder("data").toPath();

        assertFalse(new FirstAdmin(users, "admin", data).ensure("other"));

        assertEquals("chosen-by-admin", users.passwords.get("admin"));
    }

    @Test
    public void randomPasswordsDiffer() {
        assertFalse(FirstAdmin.randomPassword().equals(FirstAdmin.randomPassword()));
    }
}
