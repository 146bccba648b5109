/** Reading (and, for batch events, sending) the core's events the same way in every bundle. */
@Export
@Version("1.1.0")
package io.tessera.crm.support.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
