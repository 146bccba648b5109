package io.tessera.crm.api.modules;

public enum ModuleState {
    /** In the distribution, not running; may be enabled. */
    AVAILABLE,
    /** Installed and running. */
    ENABLED,
    /** Enabling it (or one of its bundles) failed; {@link ModuleDto#reason()} says why. The core keeps serving. */
    FAILED,
    /** A paid module without a valid licence; enabling it answers 403. */
    NOT_LICENSED
}
