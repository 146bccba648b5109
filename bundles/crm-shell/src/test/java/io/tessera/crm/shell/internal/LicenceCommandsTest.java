package io.tessera.crm.shell.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.modules.LicenceDto;
import io.tessera.crm.api.modules.LicenceService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** crm:license and crm:license-install, run as Karaf runs them, against a small in-memory LicenceService. */
public class LicenceCommandsTest extends CommandRunner {
    private static final LicenceDto LICENCE = new LicenceDto("2026-0001", "Acme Kitchens LLC",
            List.of("analytics", "telephony"), LocalDate.of(2027, 12, 31), 25, Instant.parse("2026-11-23T10:00:00Z"),
            "acme-integrator-1", true, List.of("licence expires on 2027-12-31 (in 13 days)"));

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static final class Licences implements LicenceService {
        Optional<LicenceDto> current = Optional.empty();
        final List<String> texts = new ArrayList<>();
        BiFunction<Caller, String, LicenceDto> install = (c, t) -> LICENCE;

        @Override
        public Optional<LicenceDto> current() {
            return current;
        }

        @Override
        public LicenceDto install(Caller caller, String licenceText) {
            texts.add(licenceText);
            return install.apply(caller, licenceText);
        }

        @Override
        public boolean covers(String moduleId) {
            return false;
        }
    }

    private static final String SHOWN = "Licence 2026-0001 for Acme Kitchens LLC\n"
            + "  Modules:     analytics, telephony\n"
            + "  Valid until: 2027-12-31 (valid)\n"
            + "  Max users:   25\n"
            + "  Issued at:   2026-11-23T10:00:00Z\n"
            + "  Signed with: key acme-integrator-1\n"
            + "Warning: licence expires on 2027-12-31 (in 13 days)\n";

    @Test
    public void licenseShowsNoneOrTheLicence() throws Exception {
        Licences service = new Licences();
        LicenseCommand cmd = new LicenseCommand();
        cmd.licences = service;
        runAs(cmd, "anna", Roles.ADMIN);
        assertEquals("No licence installed.\n", out());

        outBytes.reset();
        service.current = Optional.of(LICENCE);
        runAs(cmd, "anna", Roles.ADMIN);
        assertEquals(SHOWN, out());
        assertEquals("", err());
    }

    @Test
    public void expiredLicenceSaysNotValid() throws Exception {
        Licences service = new Licences();
        service.current = Optional.of(new LicenceDto("L1", "Acme", List.of("analytics"), LocalDate.of(2026, 1, 31), 5,
                Instant.parse("2025-01-01T00:00:00Z"), "k1", false, List.of("licence expired on 2026-01-31")));
        LicenseCommand cmd = new LicenseCommand();
        cmd.licences = service;
        runAs(cmd, "anna", Roles.ADMIN);
        assertEquals("Licence L1 for Acme\n"
                + "  Modules:     analytics\n"
                + "  Valid until: 2026-01-31 (NOT VALID)\n"
                + "  Max users:   5\n"
                + "  Issued at:   2025-01-01T00:00:00Z\n"
                + "  Signed with: key k1\n"
                + "Warning: licence expired on 2026-01-31\n", out());
    }

    @Test
    public void licenseInstallReadsTheFileAndInstallsIt() throws Exception {
        Path file = tmp.newFile("licence.txt").toPath();
        Files.writeString(file, "id=2026-0001\ncustomer=Кухни\n");
        Licences service = new Licences();
        LicenseInstallCommand cmd = new LicenseInstallCommand();
        cmd.licences = service;
        cmd.file = file.toString();
        runAs(cmd, "anna", Roles.ADMIN);
        assertEquals(List.of("id=2026-0001\ncustomer=Кухни\n"), service.texts);
        assertEquals("Installed the licence from " + file.toAbsolutePath() + "\n" + SHOWN, out());
        assertEquals("", err());
    }

    @Test
    public void refusedLicenceSaysWhy() throws Exception {
        Path file = tmp.newFile("licence.txt").toPath();
        Files.writeString(file, "whatever");
        Licences service = new Licences();
        service.install = (c, t) -> {
            throw new ValidationException(List.of(new FieldError("licence", "the signature does not match: the "
                    + "licence was changed after signing or signed by another key")));
        };
        LicenseInstallCommand cmd = new LicenseInstallCommand();
        cmd.licences = service;
        cmd.file = file.toString();
        runAs(cmd, "anna", Roles.ADMIN);
        assertEquals("", out());
        assertEquals("Licence refused; the licence in force stays:\n"
                + "  the signature does not match: the licence was changed after signing or signed by another key\n",
                err());
    }

    @Test
    public void nonAdminGetsTheServicesAnswer() throws Exception {
        Path file = tmp.newFile("licence.txt").toPath();
        Files.writeString(file, "whatever");
        Licences service = new Licences();
        service.install = (c, t) -> {
            throw new AccessDeniedException("only crm-admin may install a licence");
        };
        LicenseInstallCommand cmd = new LicenseInstallCommand();
        cmd.licences = service;
        cmd.file = file.toString();
        runAs(cmd, "max", Roles.MANAGER);
        assertEquals("Error: only crm-admin may install a licence\n", err());
    }

    @Test
    public void missingFileIsReported() throws Exception {
        Licences service = new Licences();
        LicenseInstallCommand cmd = new LicenseInstallCommand();
        cmd.licences = service;
        cmd.file = tmp.getRoot().toPath().resolve("nope.txt").toString();
        runAs(cmd, "anna", Roles.ADMIN);
        assertEquals("No such file: " + cmd.file + "\n", err());
        assertEquals(List.of(), service.texts);
    }

    @Test
    public void nonUtf8FileIsReported() throws Exception {
        Path file = tmp.newFile("licence.bin").toPath();
        Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28, 'x'});
        Licences service = new Licences();
        LicenseInstallCommand cmd = new LicenseInstallCommand();
        cmd.licences = service;
        cmd.file = file.toString();
        runAs(cmd, "anna", Roles.ADMIN);
        assertEquals("Not a licence: " + file.toAbsolutePath() + " is not UTF-8 text\n", err());
        assertEquals(List.of(), service.texts);
    }
}
