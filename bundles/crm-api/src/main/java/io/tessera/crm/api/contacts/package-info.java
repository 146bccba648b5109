/** Companies and contacts (persons). */
@Export
@Version("1.7.0")
package io.tessera.crm.api.contacts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
