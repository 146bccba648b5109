/** Users and roles of the CRM. */
@Export
@Version("1.0.0")
package io.tessera.crm.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
