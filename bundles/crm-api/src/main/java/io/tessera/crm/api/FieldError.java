package io.tessera.crm.api;

/** One problem with one field of a request; {@code field} is a JSON-pointer-like path such as {@code emails[1]}. */
public record FieldError(String field, String message) {
}
