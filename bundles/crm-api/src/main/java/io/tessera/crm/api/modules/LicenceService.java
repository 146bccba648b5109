package io.tessera.crm.api.modules;

import io.tessera.crm.api.Caller;
import java.util.Optional;

/**
 * The server's licence: a small text document signed with Ed25519 by an integrator whose public key the
 * distribution trusts (configured in etc/). Installing is for crm-admin; a tampered, foreign-signed or malformed
 * licence is refused with a {@link io.tessera.crm.api.ValidationException} that says why, and the licence in force
 * stays.
 */
public interface LicenceService {
    /** The licence in force, if any (expired ones too, with {@code valid=false}). */
    Optional<LicenceDto> current();

    /** Verifies and installs a licence document (its full text); it replaces the one in force. */
    LicenceDto install(Caller caller, String licenceText);

    /** Whether the licence in force is valid today and names the module. */
    boolean covers(String moduleId);
}
