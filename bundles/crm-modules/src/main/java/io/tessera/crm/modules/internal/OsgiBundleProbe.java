package io.tessera.crm.modules.internal;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * {@link BundleProbe} over the framework: Karaf installs a feature's bundle with the location written in the feature
 * ({@code mvn:group/artifact/version}), so the bundle is found by that location. Bundles the feature does not start
 * ({@code start="false"}), blacklisted ones and {@code dependency="true"} ones that were not installed (another
 * bundle already provided what they carry) are not looked at.
 */
final class OsgiBundleProbe implements BundleProbe {
    private final BundleContext context;

    OsgiBundleProbe(BundleContext context) {
        this.context = context;
    }

    @Override
    public String problem(Feature feature) {
        if (feature.getBundles() == null) {
            return null;
        }
        for (BundleInfo info : feature.getBundles()) {
            if (info.isBlacklisted() || !info.isStart()) {
                continue;
            }
            Bundle bundle = find(info);
            if (bundle == null) {
                if (info.isDependency()) {
                    continue;
                }
                return "bundle " + info.getLocation() + " is not installed";
            }
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            int state = bundle.getState();
            if (fragment ? state == Bundle.RESOLVED || state == Bundle.ACTIVE : state == Bundle.ACTIVE) {
                continue;
            }
            String name = bundle.getSymbolicName() + " " + bundle.getVersion();
            if (state == Bundle.INSTALLED) {
                return "bundle " + name + " is INSTALLED but not resolved (see bundle:diag " + bundle.getBundleId()
                        + ")";
            }
            return "bundle " + name + " is " + stateName(state) + ", not ACTIVE (see bundle:diag "
                    + bundle.getBundleId() + " and the log)";
        }
        return null;
    }

    private Bundle find(BundleInfo info) {
        Bundle bundle = info.getLocation() == null ? null : context.getBundle(info.getLocation());
        if (bundle == null && info.getOriginalLocation() != null) {
            bundle = context.getBundle(info.getOriginalLocation());
        }
        return bundle;
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "in state " + state;
        };
    }
}
