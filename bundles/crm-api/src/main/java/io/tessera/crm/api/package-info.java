/** Common types of the Tessera API: the caller, paging, errors and event topics. */
@Export
@Version("1.2.0")
package io.tessera.crm.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
