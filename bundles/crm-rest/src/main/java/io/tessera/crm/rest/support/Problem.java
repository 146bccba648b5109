package io.tessera.crm.rest.support;

import io.tessera.crm.api.FieldError;
import java.util.List;

/** An RFC 7807 problem body; {@code errors} names the fields at fault. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
