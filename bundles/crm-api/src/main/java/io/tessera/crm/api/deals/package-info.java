/** Pipelines, stages and deals. */
@Export
@Version("1.2.0")
package io.tessera.crm.api.deals;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
