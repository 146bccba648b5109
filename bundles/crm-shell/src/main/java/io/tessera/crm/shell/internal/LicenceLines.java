package io.tessera.crm.shell.internal;

import io.tessera.crm.api.modules.LicenceDto;
import java.util.ArrayList;
import java.util.List;

/** How crm:license and crm:license-install show a licence. */
final class LicenceLines {
    static final String NONE = "No licence installed.";

    private LicenceLines() {
    }

    /**
     * <pre>
     * Licence 2026-0001 for Acme Kitchens LLC
     *   Modules:     analytics, telephony
     *   Valid until: 2027-12-31 (valid)
     *   Max users:   25
     *   Issued at:   2026-11-23T10:00:00Z
     *   Signed with: key acme-integrator-1
     * Warning: licence expires on 2027-12-31 (in 13 days)
     * </pre>
     */
    static List<String> describe(LicenceDto l) {
        List<String> lines = new ArrayList<>();
        lines.add("Licence " + l.id() + " for " + l.customer());
        lines.add("  Modules:     " + Format.join(l.modules()));
        lines.add("  Valid until: " + l.validUntil() + (l.valid() ? " (valid)" : " (NOT VALID)"));
        lines.add("  Max users:   " + l.maxUsers());
        lines.add("  Issued at:   " + l.issuedAt());
        lines.add("  Signed with: key " + l.keyId());
        if (l.warnings() != null) {
            l.warnings().forEach(w -> lines.add("Warning: " + w));
        }
        return lines;
    }
}
