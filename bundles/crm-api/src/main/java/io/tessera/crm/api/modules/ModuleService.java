package io.tessera.crm.api.modules;

import io.tessera.crm.api.Caller;
import java.util.List;

/**
 * The catalogue of optional modules, read from Karaf's feature repositories (a feature declares itself a CRM module
 * with a {@code tessera.crm.module} capability), and turning them on and off in the running server without a
 * restart and without refreshing the core. Enabling and disabling are for {@code crm-admin} only
 * ({@link io.tessera.crm.api.AccessDeniedException} otherwise); an unknown id is a
 * {@link io.tessera.crm.api.NotFoundException}; a paid module without a licence for it is a
 * {@link LicenceRequiredException}.
 */
public interface ModuleService {
    List<ModuleDto> list(Caller caller);

    ModuleDto get(Caller caller, String id);

    ModuleDto enable(Caller caller, String id);

    /** Stops the module; its tables and data stay, and come back when it is enabled again. */
    ModuleDto disable(Caller caller, String id);
}
