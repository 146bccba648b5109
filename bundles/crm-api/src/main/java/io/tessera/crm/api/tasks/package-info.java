/** Tasks, subtasks and reminders. */
@Export
@Version("1.1.0")
package io.tessera.crm.api.tasks;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
