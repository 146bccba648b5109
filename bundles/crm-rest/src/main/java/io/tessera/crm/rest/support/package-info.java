/**
 * What every Tessera JAX-RS endpoint shares — JSON settings, problem+json error mapping, request helpers and the
 * servlet base that gives each bundle (core or module) its own CXF server under /api/v1 — so a module adds resources
 * and nothing more.
 */
@Export
@Version("1.1.0")
package io.tessera.crm.rest.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
