package io.tessera.crm.modules.internal;

import org.apache.karaf.features.Feature;

/** Looks at the bundles of an installed feature (an interface so the service can be tested without a framework). */
interface BundleProbe {
    /**
     * Why the installed feature is not running, e.g. "bundle crm-analytics 0.1.0 is RESOLVED, not ACTIVE", or null
     * when every bundle it starts is active (fragments: resolved).
     */
    String problem(Feature feature);
}
