package io.tessera.crm.support.validation;

import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every input error of one request, then throws them together. */
public final class Checks {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{3,40}$");
    private final List<FieldError> errors = new ArrayList<>();

    public Checks required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
        return this;
    }

    public Checks maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        }
        return this;
    }

    public Checks maxSize(String field, Collection<?> values, int max) {
        if (values != null && values.size() > max) {
            errors.add(new FieldError(field, "has more than " + max + " entries"));
        }
        return this;
    }

    public Checks email(String field, String value) {
        if (value != null && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
            errors.add(new FieldError(field, "is not an e-mail address"));
        }
        return this;
    }

    public Checks phone(String field, String value) {
        if (value != null && !PHONE.matcher(value).matches()) {
            errors.add(new FieldError(field, "is not a phone number"));
        }
        return this;
    }

    public Checks currency(String field, String code) {
        if (code != null) {
            try {
                if (!Currency.getInstance(code).getCurrencyCode().equals(code)) {
                    throw new IllegalArgumentException(code);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, "is not an ISO 4217 currency code"));
            }
        }
        return this;
    }

    public Checks check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Checks add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
