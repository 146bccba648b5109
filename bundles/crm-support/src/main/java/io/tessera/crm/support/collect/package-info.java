/** Small data structures the bundles share. */
@Export
@Version("1.1.0")
package io.tessera.crm.support.collect;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
