package io.tessera.crm.modules.licence;

import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Test helpers: keys and signed licences. */
final class Licences {
    static final Instant ISSUED = Instant.parse("2026-11-23T10:00:00Z");

    private Licences() {
    }

    static LicenceDocument signed(KeyPair key, String keyId, String id, List<String> modules, LocalDate validUntil)
            throws Exception {
        return LicenceDocument.unsigned(id, "Acme Kitchens LLC", modules, validUntil, 25, ISSUED, keyId)
                .sign(key.getPrivate());
    }

    static String text(KeyPair key, String keyId, String id, List<String> modules, LocalDate validUntil)
            throws Exception {
        return signed(key, keyId, id, modules, validUntil).toText();
    }

    static LicenceKeys.Trusted trusting(String keyId, KeyPair key) {
        return LicenceKeys.parseTrusted(LicenceKeys.trustedEntry(keyId, key.getPublic()));
    }
}
