/** Reading the core's events the same way in every bundle that follows them. */
@Export
@Version("1.0.0")
package io.tessera.crm.support.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
