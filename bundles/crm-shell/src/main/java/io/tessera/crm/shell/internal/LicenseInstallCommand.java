package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.modules.LicenceDto;
import io.tessera.crm.api.modules.LicenceService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/** crm:license-install FILE: reads a licence file on the server and installs it. */
@Service
@Command(scope = "crm", name = "license-install",
        description = "Installs a licence file (checked against the trusted keys; the licence in force stays when it "
                + "is refused)")
public class LicenseInstallCommand extends CrmAction {
    /** Larger files are not read: a licence is a few hundred bytes. */
    static final long MAX_BYTES = 64 * 1024;
    static final String REFUSED = "Licence refused; the licence in force stays:";

    @Reference
    LicenceService licences;

    @Argument(index = 0, name = "file", description = "The licence file on the server (absolute, or relative to the "
            + "Karaf folder)", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) {
        Path path = locate(file);
        if (path == null) {
            err.println("No such file: " + file);
            return;
        }
        String text;
        try {
            if (Files.size(path) > MAX_BYTES) {
                err.println("Not a licence: " + path + " is larger than " + MAX_BYTES / 1024 + " KB");
                return;
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            err.println("Not a licence: " + path + " is not UTF-8 text");
            return;
        } catch (IOException e) {
            err.println("Cannot read " + path + ": " + e.getMessage());
            return;
        }
        LicenceDto installed;
        try {
            installed = licences.install(caller, text);
        } catch (ValidationException e) {
            err.println(REFUSED);
            for (FieldError fe : e.errors()) {
                err.println("  " + ("licence".equals(fe.field()) ? "" : fe.field() + ": ") + fe.message());
            }
            return;
        }
        out.println("Installed the licence from " + path);
        LicenceLines.describe(installed).forEach(out::println);
    }

    /** The file as given, else relative to karaf.base / karaf.home; null when none exists. */
    static Path locate(String name) {
        Path given = Paths.get(name);
        if (Files.isRegularFile(given)) {
            return given.toAbsolutePath();
        }
        if (!given.isAbsolute()) {
            for (String property : new String[] {"karaf.base", "karaf.home"}) {
                String base = System.getProperty(property);
                if (base != null && Files.isRegularFile(Paths.get(base).resolve(name))) {
                    return Paths.get(base).resolve(name).toAbsolutePath();
                }
            }
        }
        return null;
    }
}
