package io.tessera.crm.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tessera users", description = "Where CRM users live and who the first admin is")
public @interface SecurityConfiguration {
    @AttributeDefinition(description = "JAAS realm holding the CRM's users")
    String realm() default "karaf";

    @AttributeDefinition(description = "Name of the administrator created on first start")
    String adminUsername() default "admin";
}
