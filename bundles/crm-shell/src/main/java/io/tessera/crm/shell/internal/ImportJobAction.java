package io.tessera.crm.shell.internal;

import io.tessera.crm.api.imports.ImportService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

/** A command on one import job, named by its id (Karaf injects the fields of superclasses too). */
abstract class ImportJobAction extends CrmAction {

    @Reference
    ImportService imports;

    @Argument(index = 0, name = "id", description = "The import's id (crm:import prints it, crm:imports lists them)",
            required = true, multiValued = false)
    long id;
}
