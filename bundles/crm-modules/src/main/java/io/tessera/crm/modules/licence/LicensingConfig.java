package io.tessera.crm.modules.licence;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code io.tessera.crm.licensing} ({@code etc/io.tessera.crm.licensing.cfg}): the public keys of
 * the integrators whose licences this server accepts.
 *
 * <pre>
 * # etc/io.tessera.crm.licensing.cfg
 * trustedKeys = acme-integrator-1:MCowBQYDK2VwAyEA...
 * # several keys: separate the entries with ';'
 * </pre>
 */
@ObjectClassDefinition(name = "Tessera CRM licensing",
        description = "The Ed25519 public keys whose licences this server accepts.")
public @interface LicensingConfig {

    @AttributeDefinition(name = "Trusted licence keys",
            description = "Entries keyId:base64PublicKey (the X.509 encoding in base64, as "
                    + "tessera-license-tool keygen prints it). A licence's keyId picks the key. One value may hold "
                    + "several entries separated by ';', ',' or blanks.")
    String[] trustedKeys() default {};
}
