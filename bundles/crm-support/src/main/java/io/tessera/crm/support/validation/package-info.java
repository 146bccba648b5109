/** Collecting input errors field by field, so a request learns all that is wrong with it at once. */
@Export
@Version("1.1.0")
package io.tessera.crm.support.validation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
