package io.tessera.crm.api.modules;

import io.tessera.crm.api.AccessDeniedException;

/** A paid module was asked for without a valid licence that names it. */
public class LicenceRequiredException extends AccessDeniedException {
    private static final long serialVersionUID = 1L;
    private final String module;

    public LicenceRequiredException(String module, String message) {
        super(message);
        this.module = module;
    }

    public String module() {
        return module;
    }
}
