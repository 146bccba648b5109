package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.imports.ImportDto;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** crm:import-undo ID: reverts an import (what it created is archived, what it changed is restored) and waits. */
@Service
@Command(scope = "crm", name = "import-undo", description = "Reverts an import: archives what it created, restores what it changed")
public class ImportUndoCommand extends ImportJobAction {

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) {
        ImportDto job = imports.undo(caller, id);
        out.print("Undoing import " + id + "...");
        out.flush();
        while (!job.status().finished()) {
            job = imports.await(caller, id, Duration.ofMillis(500));
            if (Thread.interrupted()) {
                // Ctrl-C: an undo is not cancelled halfway (records would be left half reverted), only not watched
                out.println();
                out.println("The undo goes on in the background: crm:imports shows when it has ended.");
                return;
            }
            out.print(".");
            out.flush();
        }
        out.println();
        out.println("Import " + id + ": " + job.status());
        if (job.error() != null) {
            out.println("Not undone: " + job.error());
        }
    }
}
