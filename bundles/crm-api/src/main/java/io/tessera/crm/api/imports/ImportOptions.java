package io.tessera.crm.api.imports;

import java.util.Map;

/**
 * How to import a file. Every component may be null and then takes its default: {@code entity} CONTACTS,
 * {@code mode} CREATE_AND_UPDATE, {@code dryRun} false, {@code mapping} empty (columns matched by their header),
 * {@code delimiter} detected from the header line among {@code , ; TAB |}, {@code encoding} detected (valid UTF-8, with
 * or without BOM, else windows-1251), {@code defaultRegion} "RU" (ISO 3166 code for numbers without a country code).
 * <p>{@code mapping} maps a column header (as in the file) to a field: {@code firstName}, {@code lastName},
 * {@code fullName}, {@code position}, {@code phones}, {@code emails}, {@code company}, {@code birthday},
 * {@code notes}, {@code tags}, {@code source}, {@code owner} for contacts; {@code name}, {@code legalName},
 * {@code taxId}, {@code industry}, {@code website}, {@code phones}, {@code emails}, {@code tags}, {@code owner} for
 * companies; {@code customFields.<key>} for both; {@code ignore} skips a column.
 */
public record ImportOptions(Entity entity, Mode mode, Boolean dryRun, Map<String, String> mapping, String delimiter,
                            String encoding, String defaultRegion) {

    public enum Entity { CONTACTS, COMPANIES }

    /**
     * CREATE_ONLY: rows matching an existing record are skipped. CREATE_AND_UPDATE: new rows create records, rows
     * matching one are merged into it. UPDATE_ONLY: only rows matching an existing record are merged, others skipped.
     * Merging never overwrites a non-empty value: it adds phones, emails and tags, fills empty fields and reports the
     * conflicting values in the row result.
     */
    public enum Mode { CREATE_ONLY, CREATE_AND_UPDATE, UPDATE_ONLY }

    public ImportOptions {
        entity = entity == null ? Entity.CONTACTS : entity;
        mode = mode == null ? Mode.CREATE_AND_UPDATE : mode;
        dryRun = dryRun != null && dryRun;
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? "RU" : defaultRegion.strip();
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, null, null, null, null);
    }

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }
}
