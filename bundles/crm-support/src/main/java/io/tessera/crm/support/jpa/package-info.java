/**
 * Local JPA transactions, bulk JDBC inserts and batch creates inside them, and opaque list cursors, the same in every
 * bundle that owns tables.
 */
@Export
@Version("1.2.0")
package io.tessera.crm.support.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
