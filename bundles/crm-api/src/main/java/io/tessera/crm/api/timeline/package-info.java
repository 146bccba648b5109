/** The chronological history of every client, and notes. */
@Export
@Version("1.0.0")
package io.tessera.crm.api.timeline;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
