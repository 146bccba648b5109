/** Optional modules as products: the catalogue, enabling and disabling at runtime, licences for paid modules. */
@Export
@Version("1.0.0")
package io.tessera.crm.api.modules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
