package io.tessera.crm.api.contacts;

/**
 * A value the merged card had that the survivor could not take because it already had a different one (or, for lists,
 * because the survivor's list was full). Kept on the survivor as history so nothing is lost.
 *
 * @param field         the JSON field name: {@code firstName}, {@code birthday}, {@code customFields.size},
 *                      {@code address}, {@code phones}...
 * @param survivorValue the value the survivor kept (as text; null for a full list)
 * @param mergedValue   the merged card's value that was not taken (as text)
 */
public record MergeConflict(String field, String survivorValue, String mergedValue) {
}
