package io.tessera.crm.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tessera REST API", description = "Authentication and limits of /api")
public @interface RestConfiguration {
    @AttributeDefinition(description = "JAAS realm the API authenticates against")
    String realm() default "karaf";

    @AttributeDefinition(description = "Largest request body accepted, in bytes (larger: 413)")
    long maxRequestBytes() default 10_485_760L;

    @AttributeDefinition(description = "Largest file accepted by POST /api/v1/imports, in bytes (larger: 413)")
    long maxImportBytes() default 1_073_741_824L;

    @AttributeDefinition(description = "Failed logins per user and minute before 429")
    int failedLoginsPerMinute() default 10;

    @AttributeDefinition(description = "How long a successful login is remembered, in seconds (0: never)")
    int credentialCacheSeconds() default 30;
}
