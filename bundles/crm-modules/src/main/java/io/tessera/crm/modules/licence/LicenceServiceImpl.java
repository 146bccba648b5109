package io.tessera.crm.modules.licence;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.modules.LicenceDto;
import io.tessera.crm.api.modules.LicenceService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's licence. The licence in force is the text stored in {@code ${karaf.data}/tessera/licence.txt}; it is
 * verified against the trusted keys of the configuration {@value #PID} whenever it is (re-)read, so a licence edited
 * on disk or signed by a key that is no longer trusted is not in force ({@code valid=false}, with the reason as a
 * warning). At activation, a licence shipped with the edition in {@code ${karaf.etc}/tessera-licence.txt} is
 * installed when none is installed yet.
 */
@Component(service = LicenceService.class, configurationPid = LicenceServiceImpl.PID, immediate = true)
@Designate(ocd = LicensingConfig.class)
public class LicenceServiceImpl implements LicenceService {
    public static final String PID = "io.tessera.crm.licensing";
    static final String FIELD = "licence";
    static final String FILE_NAME = "licence.txt";
    static final String SHIPPED_FILE_NAME = "tessera-licence.txt";
    /** Warnings start this many days before the last valid day. */
    static final int WARN_DAYS = 14;
    static final String BAD_SIGNATURE =
            "the signature does not match: the licence was changed after signing or signed by another key";

    private static final Logger LOG = LoggerFactory.getLogger(LicenceServiceImpl.class);

    private final Path file;
    private final Clock clock;
    private volatile LicenceKeys.Trusted trusted;
    /** The licence file as last read; guarded by {@code this}. */
    private Loaded cache;

    @Activate
    public LicenceServiceImpl(LicensingConfig config, BundleContext context) {
        this(LicenceKeys.parseTrusted(config.trustedKeys()), dir(context, "karaf.data", "data").resolve("tessera"),
                Clock.systemDefaultZone());
        logConfigProblems();
        installShipped(dir(context, "karaf.etc", "etc").resolve(SHIPPED_FILE_NAME));
        current(); // logs when the stored licence is unreadable or not trusted
    }

    /** For tests: {@code directory} holds licence.txt; {@code clock} decides what "today" is. */
    LicenceServiceImpl(LicenceKeys.Trusted trusted, Path directory, Clock clock) {
        this.trusted = trusted;
        this.file = directory.resolve(FILE_NAME);
        this.clock = clock;
    }

    /** New trusted keys take effect without restarting the component (and the services that use it). */
    @Modified
    void modified(LicensingConfig config) {
        LicenceKeys.Trusted keys = LicenceKeys.parseTrusted(config.trustedKeys());
        synchronized (this) {
            trusted = keys;
            cache = null; // verify the stored licence again, against the new keys
        }
        logConfigProblems();
        current();
    }

    private void logConfigProblems() {
        LicenceKeys.Trusted keys = trusted;
        keys.problems().forEach(p -> LOG.warn("Licensing configuration " + PID + ": " + p));
        if (keys.keys().isEmpty() && keys.broken().isEmpty()) {
            LOG.info("No trusted licence keys are configured (" + PID + ", trustedKeys): no licence can be "
                    + "installed, paid modules stay off");
        }
    }

    private static Path dir(BundleContext context, String property, String fallback) {
        String value = context == null ? null : context.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getProperty(property, fallback);
        }
        return Paths.get(value);
    }

    /** The path of the stored licence. */
    Path file() {
        return file;
    }

    /**
     * The licence in force, re-read when the file changed. Expiry warnings are not logged here: the module bundle's
     * daily licence check does that (once a day); a stored licence that is unreadable or not trusted is logged when
     * it is read.
     */
    @Override
    public synchronized Optional<LicenceDto> current() {
        Loaded loaded = load();
        if (loaded == null || loaded.document() == null) {
            return Optional.empty();
        }
        return Optional.of(toDto(loaded.document(), loaded.problem()));
    }

    @Override
    public LicenceDto install(Caller caller, String licenceText) {
        if (caller == null || !caller.isAdmin()) {
            throw new AccessDeniedException("only " + Roles.ADMIN + " may install a licence");
        }
        LicenceDocument document = verify(licenceText);
        LocalDate today = LocalDate.now(clock);
        if (document.validUntil().isBefore(today)) {
            throw new ValidationException(FIELD, "the licence expired on " + document.validUntil()
                    + "; the licence in force stays");
        }
        synchronized (this) {
            store(licenceText);
            cache = new Loaded(stamp(), document, null);
        }
        LOG.info("Licence " + document.id() + " for " + document.customer() + " installed by "
                + caller.username() + ": modules " + String.join(",", document.modules()) + ", valid until "
                + document.validUntil() + ", max users " + document.maxUsers() + ", key " + document.keyId());
        return toDto(document, null);
    }

    @Override
    public boolean covers(String moduleId) {
        return current().map(l -> l.valid() && l.modules().contains(moduleId)).orElse(false);
    }

    /** Installs the licence an edition ships in etc/ when none is installed yet; failures are logged. */
    void installShipped(Path shipped) {
        if (Files.exists(file) || !Files.isRegularFile(shipped)) {
            return;
        }
        try {
            LicenceDto dto = install(Caller.SYSTEM, Files.readString(shipped, StandardCharsets.UTF_8));
            LOG.info("Installed the licence shipped in " + shipped + " (" + dto.id() + ")");
        } catch (ValidationException e) {
            LOG.error("The licence shipped in " + shipped + " is refused: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            LOG.error("The licence shipped in " + shipped + " cannot be read or stored: " + e.getMessage());
        }
    }

    /** Parses and checks the signature against the trusted keys; a {@link ValidationException} on "licence" says why. */
    LicenceDocument verify(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(FIELD, "is required: the text of the licence");
        }
        LicenceDocument document;
        try {
            document = LicenceDocument.parse(text);
        } catch (LicenceFormatException e) {
            throw new ValidationException(e.problems().stream().map(p -> new FieldError(FIELD, "malformed: " + p))
                    .collect(Collectors.toList()));
        }
        String problem = trustProblem(document, trusted);
        if (problem != null) {
            throw new ValidationException(FIELD, problem);
        }
        return document;
    }

    /** Why the licence cannot be trusted, or null when its signature is good. */
    private static String trustProblem(LicenceDocument document, LicenceKeys.Trusted trusted) {
        PublicKey key = trusted.keys().get(document.keyId());
        if (key == null) {
            String broken = trusted.broken().get(document.keyId());
            if (broken != null) {
                return "signed by key '" + document.keyId() + "', which this server cannot use: " + broken;
            }
            return "signed by key '" + document.keyId() + "', which this server does not trust"
                    + (trusted.keys().isEmpty()
                    ? " (no keys are trusted: add keyId:publicKey to trustedKeys in etc/" + PID + ".cfg)"
                    : " (trusted keys: " + String.join(", ", trusted.keys().keySet()) + ")");
        }
        return document.verify(key) ? null : BAD_SIGNATURE;
    }

    private LicenceDto toDto(LicenceDocument d, String problem) {
        LocalDate today = LocalDate.now(clock);
        List<String> warnings = new ArrayList<>();
        if (problem != null) {
            warnings.add("licence is not in force: " + problem);
        }
        long days = ChronoUnit.DAYS.between(today, d.validUntil());
        if (days < 0) {
            warnings.add("licence expired on " + d.validUntil());
        } else if (days <= WARN_DAYS) {
            warnings.add("licence expires on " + d.validUntil()
                    + (days == 0 ? " (today)" : " (in " + days + (days == 1 ? " day)" : " days)")));
        }
        boolean valid = problem == null && days >= 0;
        return new LicenceDto(d.id(), d.customer(), d.modules(), d.validUntil(), d.maxUsers(), d.issuedAt(),
                d.keyId(), valid, List.copyOf(warnings));
    }

    // ---- the stored file; callers hold the lock

    private Loaded load() {
        Stamp stamp = stamp();
        if (stamp == null) {
            cache = null;
            return null;
        }
        if (cache != null && cache.stamp().equals(stamp)) {
            return cache;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            cache = null;
            return null;
        } catch (IOException e) {
            LOG.error("Cannot read the licence " + file + ": " + e);
            cache = new Loaded(stamp, null, e.toString());
            return cache;
        }
        try {
            LicenceDocument document = LicenceDocument.parse(text);
            String problem = trustProblem(document, trusted);
            if (problem != null) {
                LOG.error("The licence in " + file + " is not in force: " + problem);
            }
            cache = new Loaded(stamp, document, problem);
        } catch (LicenceFormatException e) {
            LOG.error("The licence in " + file + " cannot be read, no licence is in force: " + e.getMessage());
            cache = new Loaded(stamp, null, e.getMessage());
        }
        return cache;
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes to a temporary file beside the licence, then moves it over the licence in one step. */
    private void store(String text) {
        Path directory = file.getParent();
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, "licence-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the licence in " + file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("Cannot remove " + temp + ": " + e);
                }
            }
        }
    }

    private record Stamp(FileTime modified, long size) {
    }

    /** The file as read: the document (null when unreadable) and why it is not in force (null when it is). */
    private record Loaded(Stamp stamp, LicenceDocument document, String problem) {
    }
}
