/**
 * Importing companies and contacts from CSV and XLSX files (options, progress, the row-by-row report, cancel, undo), and
 * exporting companies, contacts and deals to CSV and XLSX.
 */
@Export
@Version("1.5.0")
package io.tessera.crm.api.imports;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
