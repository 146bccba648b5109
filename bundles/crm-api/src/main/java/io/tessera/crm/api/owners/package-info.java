/** Record ownership: reassigning every record of one user to another. */
@Export
@Version("1.0.0")
package io.tessera.crm.api.owners;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
