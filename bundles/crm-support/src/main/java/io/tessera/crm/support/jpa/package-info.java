/**
 * Local JPA transactions, bulk JDBC inserts and batch creates inside them, JDBC reads with long parameter lists,
 * opaque list cursors (by offset, by key, or by a sort column and key), indexes a bundle creates itself, and tables
 * of owned rows without foreign keys, the same in every bundle that owns tables.
 */
@Export
@Version("1.6.0")
package io.tessera.crm.support.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
