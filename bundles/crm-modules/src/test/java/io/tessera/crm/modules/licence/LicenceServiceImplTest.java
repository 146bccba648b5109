package io.tessera.crm.modules.licence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.modules.LicenceDto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LicenceServiceImplTest {
    private static final KeyPair KEY = LicenceKeys.generate();
    private static final KeyPair FOREIGN = LicenceKeys.generate();
    private static final LocalDate TODAY = LocalDate.of(2027, 6, 1);
    private static final Caller ADMIN = Caller.of("anna", Roles.ADMIN);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Clock clockAt(LocalDate day) {
        return Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private LicenceServiceImpl service(LocalDate today) {
        return new LicenceServiceImpl(Licences.trusting("acme-1", KEY), tmp.getRoot().toPath().resolve("tessera"),
                clockAt(today));
    }

    private static String licence(String id, LocalDate validUntil, String... modules) throws Exception {
        return Licences.text(KEY, "acme-1", id, List.of(modules), validUntil);
    }

    private static List<FieldError> refused(LicenceServiceImpl service, Caller caller, String text) {
        try {
            service.install(caller, text);
        } catch (ValidationException e) {
            return e.errors();
        }
        fail("installed");
        return null;
    }

    private static FieldError licenceError(String message) {
        return new FieldError("licence", message);
    }

    @Test
    public void noLicenceAtFirst() {
        LicenceServiceImpl s = service(TODAY);
        assertEquals(Optional.empty(), s.current());
        assertFalse(s.covers("analytics"));
    }

    @Test
    public void installStoresTheTextAndAnswersTheLicence() throws Exception {
        LicenceServiceImpl s = service(TODAY);
        String text = licence("2026-0001", LocalDate.of(2027, 12, 31), "analytics", "telephony");
        LicenceDto dto = s.install(ADMIN, text);
        LicenceDto expected = new LicenceDto("2026-0001", "Acme Kitchens LLC", List.of("analytics", "telephony"),
                LocalDate.of(2027, 12, 31), 25, Instant.parse("2026-11-23T10:00:00Z"), "acme-1", true, List.of());
        assertEquals(expected, dto);
        assertEquals(Optional.of(expected), s.current());
        assertEquals(text, Files.readString(s.file(), StandardCharsets.UTF_8));
        assertTrue(s.covers("analytics"));
        assertTrue(s.covers("telephony"));
        assertFalse(s.covers("documents"));
        // a new instance (a restart) reads it back
        assertEquals(Optional.of(expected), service(TODAY).current());
        // nothing but the licence is left in the folder
        try (Stream<Path> files = Files.list(s.file().getParent())) {
            assertEquals(List.of(s.file()), files.toList());
        }
    }

    @Test
    public void nonAdminIsRefused() throws Exception {
        LicenceServiceImpl s = service(TODAY);
        for (Caller caller : new Caller[] {Caller.of("max", Roles.MANAGER), Caller.of("sam", Roles.SALES), null}) {
            try {
                s.install(caller, licence("L1", LocalDate.of(2027, 12, 31), "analytics"));
                fail();
            } catch (AccessDeniedException e) {
                assertEquals("only crm-admin may install a licence", e.getMessage());
            }
        }
        assertFalse(Files.exists(s.file()));
        assertEquals(Optional.empty(), s.current());
    }

    @Test
    public void unknownKeyIdIsRefused() throws Exception {
        LicenceServiceImpl s = service(TODAY);
        String text = Licences.text(KEY, "someone-else", "L1", List.of("analytics"), LocalDate.of(2027, 12, 31));
        assertEquals(List.of(licenceError("signed by key 'someone-else', which this server does not trust "
                + "(trusted keys: acme-1)")), refused(s, ADMIN, text));
        LicenceServiceImpl none = new LicenceServiceImpl(LicenceKeys.parseTrusted(), tmp.getRoot().toPath(),
                clockAt(TODAY));
        assertEquals(List.of(licenceError("signed by key 'someone-else', which this server does not trust (no keys "
                + "are trusted: add keyId:publicKey to trustedKeys in etc/io.tessera.crm.licensing.cfg)")),
                refused(none, ADMIN, text));
    }

    @Test
    public void brokenTrustedKeySaysSo() throws Exception {
        LicenceServiceImpl s = new LicenceServiceImpl(LicenceKeys.parseTrusted("acme-1:AAAA"),
                tmp.getRoot().toPath(), clockAt(TODAY));
        assertEquals(List.of(licenceError("signed by key 'acme-1', which this server cannot use: its configured "
                + "public key cannot be read: not an Ed25519 public key (expected the base64 of its X.509 encoding)")),
                refused(s, ADMIN, licence("L1", LocalDate.of(2027, 12, 31), "analytics")));
    }

    @Test
    public void tamperedLicenceIsRefusedAndTheOldOneStays() throws Exception {
        LicenceServiceImpl s = service(TODAY);
        String old = licence("L1", LocalDate.of(2027, 12, 31), "analytics");
        s.install(ADMIN, old);
        String tampered = licence("L2", LocalDate.of(2027, 12, 31), "analytics")
                .replace("modules=analytics", "modules=analytics,telephony");
        assertEquals(List.of(licenceError(LicenceServiceImpl.BAD_SIGNATURE)), refused(s, ADMIN, tampered));
        assertEquals(old, Files.readString(s.file(), StandardCharsets.UTF_8));
        assertEquals("L1", s.current().orElseThrow().id());
        assertFalse(s.covers("telephony"));
    }

    @Test
    public void foreignSignedLicenceIsRefused() throws Exception {
        LicenceServiceImpl s = service(TODAY);
        // signed by someone else's key that claims our key id
        String foreign = Licences.text(FOREIGN, "acme-1", "L9", List.of("analytics"), LocalDate.of(2027, 12, 31));
        assertEquals(List.of(licenceError("the signature does not match: the licence was changed after signing or "
                + "signed by another key")), refused(s, ADMIN, foreign));
        assertFalse(Files.exists(s.file()));
    }

    @Test
    public void malformedLicenceNamesTheFields() throws Exception {
        LicenceServiceImpl s = service(TODAY);
        String text = licence("L1", LocalDate.of(2027, 12, 31), "analytics")
                .replace("maxUsers=25", "maxUsers=many").replace("customer=Acme Kitchens LLC\n", "");
        assertEquals(List.of(licenceError("malformed: customer: is missing"),
                licenceError("malformed: maxUsers: must be a whole number such as 25, not 'many'")),
                refused(s, ADMIN, text));
        assertEquals(List.of(licenceError("is required: the text of the licence")), refused(s, ADMIN, " "));
        assertEquals(List.of(licenceError("is required: the text of the licence")), refused(s, ADMIN, null));
        assertFalse(Files.exists(s.file()));
    }

    @Test
    public void failedInstallKeepsTheOldLicenceForEveryKindOfFailure() throws Exception {
        LicenceServiceImpl s = service(TODAY);
        String old = licence("L1", LocalDate.of(2027, 12, 31), "analytics");
        s.install(ADMIN, old);
        refused(s, ADMIN, "id=garbage");
        refused(s, ADMIN, Licences.text(FOREIGN, "other", "L3", List.of("analytics"), LocalDate.of(2028, 1, 1)));
        refused(s, ADMIN, licence("L4", TODAY.minusDays(1), "analytics"));
        try {
            s.install(Caller.of("sam", Roles.SALES), licence("L5", LocalDate.of(2028, 1, 1), "analytics"));
            fail();
        } catch (AccessDeniedException expected) {
            // refused
        }
        assertEquals(old, Files.readString(s.file(), StandardCharsets.UTF_8));
        assertEquals("L1", s.current().orElseThrow().id());
        // and a good one replaces it
        s.install(ADMIN, licence("L6", LocalDate.of(2028, 1, 1), "analytics", "documents"));
        assertEquals("L6", s.current().orElseThrow().id());
        assertTrue(s.covers("documents"));
    }

    @Test
    public void expiredLicenceIsNotInstalled() throws Exception {
        LicenceServiceImpl s = service(TODAY);
        assertEquals(List.of(licenceError("the licence expired on 2027-05-31; the licence in force stays")),
                refused(s, ADMIN, licence("L1", TODAY.minusDays(1), "analytics")));
        // the last day is still valid
        assertTrue(s.install(ADMIN, licence("L2", TODAY, "analytics")).valid());
    }

    @Test
    public void warnsWithin14Days() throws Exception {
        LicenceServiceImpl s = service(TODAY);
        LicenceDto in13 = s.install(ADMIN, licence("L1", TODAY.plusDays(13), "analytics"));
        assertEquals(List.of("licence expires on 2027-06-14 (in 13 days)"), in13.warnings());
        assertTrue(in13.valid());
        assertEquals(in13, s.current().orElseThrow());
        assertTrue(s.covers("analytics"));

        assertEquals(List.of("licence expires on 2027-06-15 (in 14 days)"),
                s.install(ADMIN, licence("L2", TODAY.plusDays(14), "analytics")).warnings());
        assertEquals(List.of(), s.install(ADMIN, licence("L3", TODAY.plusDays(15), "analytics")).warnings());
        assertEquals(List.of(), s.current().orElseThrow().warnings());
        assertEquals(List.of("licence expires on 2027-06-02 (in 1 day)"),
                s.install(ADMIN, licence("L4", TODAY.plusDays(1), "analytics")).warnings());
        assertEquals(List.of("licence expires on 2027-06-01 (today)"),
                s.install(ADMIN, licence("L5", TODAY, "analytics")).warnings());
    }

    @Test
    public void expiredLicenceStaysVisibleButCoversNothing() throws Exception {
        service(TODAY).install(ADMIN, licence("L1", LocalDate.of(2027, 6, 10), "analytics"));
        LicenceServiceImpl lastDay = service(LocalDate.of(2027, 6, 10));
        assertTrue(lastDay.current().orElseThrow().valid());
        assertTrue(lastDay.covers("analytics"));

        LicenceServiceImpl later = service(LocalDate.of(2027, 6, 11));
        LicenceDto dto = later.current().orElseThrow();
        assertFalse(dto.valid());
        assertEquals(List.of("licence expired on 2027-06-10"), dto.warnings());
        assertEquals("L1", dto.id());
        assertFalse(later.covers("analytics"));
    }

    @Test
    public void licenceChangedOnDiskIsNotInForce() throws Exception {
        LicenceServiceImpl s = service(TODAY);
        String text = licence("L1", LocalDate.of(2027, 12, 31), "analytics");
        s.install(ADMIN, text);
        assertTrue(s.covers("analytics"));
        Files.writeString(s.file(), text.replace("validUntil=2027-12-31", "validUntil=2099-12-31"));
        Files.setLastModifiedTime(s.file(), FileTime.from(Instant.now().plusSeconds(5)));
        LicenceDto dto = s.current().orElseThrow();
        assertFalse(dto.valid());
        assertEquals(List.of("licence is not in force: " + LicenceServiceImpl.BAD_SIGNATURE), dto.warnings());
        assertFalse(s.covers("analytics"));

        Files.writeString(s.file(), "rubbish");
        Files.setLastModifiedTime(s.file(), FileTime.from(Instant.now().plusSeconds(10)));
        assertEquals(Optional.empty(), s.current());

        Files.delete(s.file());
        assertEquals(Optional.empty(), s.current());
    }

    @Test
    public void licenceOfAKeyNoLongerTrustedIsNotInForce() throws Exception {
        service(TODAY).install(ADMIN, licence("L1", LocalDate.of(2027, 12, 31), "analytics"));
        LicenceServiceImpl other = new LicenceServiceImpl(Licences.trusting("other", FOREIGN),
                tmp.getRoot().toPath().resolve("tessera"), clockAt(TODAY));
        LicenceDto dto = other.current().orElseThrow();
        assertFalse(dto.valid());
        assertEquals(List.of("licence is not in force: signed by key 'acme-1', which this server does not trust "
                + "(trusted keys: other)"), dto.warnings());
        assertFalse(other.covers("analytics"));
    }

    @Test
    public void shippedLicenceIsInstalledOnlyWhenNoneIs() throws Exception {
        Path etc = tmp.newFolder("etc").toPath();
        Path shipped = etc.resolve(LicenceServiceImpl.SHIPPED_FILE_NAME);
        Files.writeString(shipped, licence("SHIP-1", LocalDate.of(2027, 12, 31), "analytics"));
        LicenceServiceImpl s = service(TODAY);
        s.installShipped(shipped);
        assertEquals("SHIP-1", s.current().orElseThrow().id());

        s.install(ADMIN, licence("L2", LocalDate.of(2028, 12, 31), "analytics"));
        s.installShipped(shipped);
        assertEquals("L2", service(TODAY).current().orElseThrow().id());
    }

    @Test
    public void untrustedShippedLicenceIsNotInstalled() throws Exception {
        Path shipped = tmp.newFile("shipped.txt").toPath();
        Files.writeString(shipped, Licences.text(FOREIGN, "x", "L1", List.of("analytics"), LocalDate.of(2028, 1, 1)));
        LicenceServiceImpl s = service(TODAY);
        s.installShipped(shipped);
        s.installShipped(tmp.getRoot().toPath().resolve("missing.txt"));
        assertFalse(Files.exists(s.file()));
        assertEquals(Optional.empty(), s.current());
    }

    private static LicensingConfig config(String... trustedKeys) {
        return new LicensingConfig() {
            @Override
            public String[] trustedKeys() {
                return trustedKeys;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return LicensingConfig.class;
            }
        };
    }

    private static org.osgi.framework.BundleContext context(java.util.Map<String, String> properties) {
        return (org.osgi.framework.BundleContext) java.lang.reflect.Proxy.newProxyInstance(
                LicenceServiceImplTest.class.getClassLoader(), new Class<?>[] {org.osgi.framework.BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    public void activationInstallsTheShippedLicenceFromKarafEtc() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        Path etc = tmp.newFolder("etc").toPath();
        Files.writeString(etc.resolve("tessera-licence.txt"), licence("SHIP-1", LocalDate.of(2099, 12, 31), "analytics"));
        LicenceServiceImpl s = new LicenceServiceImpl(
                config(LicenceKeys.trustedEntry("acme-1", KEY.getPublic()) + "; "
                        + LicenceKeys.trustedEntry("other", FOREIGN.getPublic())),
                context(java.util.Map.of("karaf.data", data.toString(), "karaf.etc", etc.toString())));
        assertEquals(data.resolve("tessera").resolve("licence.txt"), s.file());
        assertEquals("SHIP-1", s.current().orElseThrow().id());
        assertTrue(s.covers("analytics"));
    }

    @Test
    public void changedTrustedKeysApplyWithoutRestart() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        LicenceServiceImpl s = new LicenceServiceImpl(config(LicenceKeys.trustedEntry("acme-1", KEY.getPublic())),
                context(java.util.Map.of("karaf.data", data.toString(), "karaf.etc", data.resolve("etc").toString())));
        s.install(ADMIN, licence("L1", LocalDate.of(2099, 12, 31), "analytics"));
        assertTrue(s.covers("analytics"));
        s.modified(config(LicenceKeys.trustedEntry("other", FOREIGN.getPublic())));
        assertFalse(s.covers("analytics"));
        assertFalse(s.current().orElseThrow().valid());
        s.modified(config(LicenceKeys.trustedEntry("other", FOREIGN.getPublic()),
                LicenceKeys.trustedEntry("acme-1", KEY.getPublic())));
        assertTrue(s.covers("analytics"));
    }
}
