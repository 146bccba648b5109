package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import io.tessera.crm.api.imports.ImportOptions.Mode;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskInput;
import io.tessera.crm.api.tasks.TaskQuery;
import io.tessera.crm.api.tasks.TaskService;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.importer.internal.RowReader.ParsedRow;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Creates the deals and tasks of import rows ({@link FollowUp}) through the core's deal and task services once the
 * row's record is written, and archives them again on undo. One record per call (the deal service's own checks,
 * events and timeline entries): a file with a deal on every row imports at the deal service's pace. A record that
 * already has an open deal (or open task) with the same title gets no second one, so importing a file twice does
 * not double the deals.
 */
final class FollowUps {
    private final DealService deals;
    private final TaskService tasks;
    private final PipelineService pipelines;

    FollowUps(DealService deals, TaskService tasks, PipelineService pipelines) {
        this.deals = deals;
        this.tasks = tasks;
        this.pipelines = pipelines;
    }

    /** Without the deal and task services (unit tests of the contact import): rows with deal or task columns fail. */
    static FollowUps none() {
        return new FollowUps(null, null, null);
    }

    /**
     * The stage ids by lower-cased name (the default pipeline's first), read once per import. A row naming no stage
     * gives none: the deal service puts the deal into the default pipeline's first open stage, which it keeps between
     * deals.
     */
    record Stages(Map<String, Long> byName) {
        Long idOf(String stageName) {
            return stageName == null ? null : byName.get(stageName.toLowerCase(Locale.ROOT));
        }
    }

    Stages stages(Caller caller) {
        Map<String, Long> byName = new HashMap<>();
        if (pipelines == null) {
            return new Stages(byName);
        }
        pipelines.list(caller).stream().filter(p -> !p.archived())
                .sorted((a, b) -> Boolean.compare(b.defaultPipeline(), a.defaultPipeline()))
                .forEach(p -> p.stages().forEach(s -> byName.putIfAbsent(s.name().strip().toLowerCase(Locale.ROOT),
                        s.id())));
        return new Stages(byName);
    }

    /** Why a row's deal or task cannot be created: the column and the reason. */
    record Refusal(String column, String reason) {
    }

    /** Why the row's deal or task cannot be created, before anything of the row is written; null when it can. */
    Refusal refusal(FollowUp f, Stages stages) {
        if ((f.hasDeal() || f.hasTask()) && (deals == null || tasks == null)) {
            return new Refusal(f.hasDeal() ? f.dealColumn : f.taskColumn, "deals and tasks cannot be imported here");
        }
        if (f.dealStage != null && stages.idOf(f.dealStage) == null) {
            return new Refusal(f.stageColumn, "no pipeline has a stage '" + f.dealStage + "'");
        }
        return null;
    }

    /**
     * The deals and tasks of a buffer's rows, for the records the rows created or changed (or that already had the
     * row's values), once those are written; in create-only mode not for existing records, in a dry run only noted.
     */
    void writeAll(Caller caller, List<ParsedRow> rows, ImportOptions options, Supplier<Stages> stages) {
        Entity entity = options.entity();
        for (ParsedRow p : rows) {
            ImportRowEntity r = p.row();
            Draft d = p.draft();
            if (!d.followUp.hasDeal() && !d.followUp.hasTask() || r.recordId == null || r.outcome == null
                    || Outcome.valueOf(r.outcome) == Outcome.REJECTED
                    || Outcome.valueOf(r.outcome) == Outcome.SKIPPED && options.mode() == Mode.CREATE_ONLY) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            if (options.isDryRun()) {
                notes.add((d.followUp.hasDeal() ? "a deal" : "") + (d.followUp.hasDeal() && d.followUp.hasTask()
                        ? " and " : "") + (d.followUp.hasTask() ? "a task" : "") + " would be created");
            } else {
                String name = entity == Entity.COMPANIES ? d.name : d.fullName();
                write(caller, r, d, entity, r.recordId, Outcome.valueOf(r.outcome) == Outcome.CREATED,
                        d.linkedCompanyId, name, stages.get(), notes);
            }
            RowOutcomes.addNotes(r, String.join("; ", notes));
        }
    }

    /**
     * Creates the row's deal and task for its record and notes what happened on the row; the record is the contact
     * (with the company named on the row) or the company. A record the row has just created has no deal or task yet,
     * so only an older one is searched for an open deal (task) of that title.
     */
    private void write(Caller caller, ImportRowEntity r, Draft d, Entity entity, long recordId, boolean newRecord,
               Long companyId, String recordName, Stages stages, List<String> notes) {
        FollowUp f = d.followUp;
        Long contactId = entity == Entity.CONTACTS ? Long.valueOf(recordId) : null;
        Long company = entity == Entity.COMPANIES ? Long.valueOf(recordId) : companyId;
        if (f.hasDeal()) {
            String title = f.dealTitle != null ? f.dealTitle : recordName;
            try {
                DealDto existing = newRecord ? null : openDeal(caller, title, contactId, company);
                if (existing != null) {
                    notes.add("deal '" + title + "' exists (" + existing.id() + ")");
                } else {
                    Long stageId = stages.idOf(f.dealStage);
                    DealDto deal = deals.create(caller, new DealInput(title, null, stageId, f.dealAmount,
                            f.dealCurrency, null, d.owner, company, contactId == null ? List.of() : List.of(contactId),
                            "import", null, null));
                    r.dealId = deal.id();
                    notes.add("deal " + deal.id() + " created");
                }
            } catch (CrmException e) {
                notes.add("deal not created (column " + f.dealColumn + "): " + e.getMessage());
            }
        }
        if (f.hasTask()) {
            String title = f.taskTitle != null ? f.taskTitle : "Follow up: " + recordName;
            try {
                TaskDto existing = newRecord ? null : openTask(caller, title, contactId, company);
                if (existing != null) {
                    notes.add("task '" + title + "' exists (" + existing.id() + ")");
                } else {
                    TaskDto task = tasks.create(caller, new TaskInput(title, null,
                            f.taskDue == null ? null : f.taskDue.atStartOfDay(ZoneOffset.UTC).toInstant(), null,
                            d.owner, null, null, null, company, contactId, r.dealId));
                    r.taskId = task.id();
                    notes.add("task " + task.id() + " created");
                }
            } catch (CrmException e) {
                notes.add("task not created (column " + f.taskColumn + "): " + e.getMessage());
            }
        }
    }

    /*
     * The record's open deals (tasks) are listed by record and status and compared here by exact title: the list's
     * title filter is a substring search, so the comparison would be needed with it too, and a record has few open
     * deals.
     */
    private DealDto openDeal(Caller caller, String title, Long contactId, Long companyId) {
        return first(paging -> deals.list(caller, new DealQuery(null, null, null, null, DealStatus.OPEN,
                contactId == null ? companyId : null, contactId, null, false, null, paging)),
                d -> d.title().equalsIgnoreCase(title));
    }

    private TaskDto openTask(Caller caller, String title, Long contactId, Long companyId) {
        return first(paging -> tasks.list(caller, new TaskQuery(null, null, TaskStatus.OPEN, null,
                contactId == null ? companyId : null, contactId, null, null, false, null, paging)),
                t -> t.title().equalsIgnoreCase(title));
    }

    private static <T> T first(Function<Paging, Page<T>> list, Predicate<T> wanted) {
        String cursor = null;
        do {
            Page<T> page = list.apply(new Paging(Paging.MAX_LIMIT, cursor));
            for (T item : page.items()) {
                if (wanted.test(item)) {
                    return item;
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return null;
    }

    /** Archives what undo must take back; the message of a failure, or null. */
    String archive(Caller caller, ImportRowEntity r) {
        try {
            if (r.taskId != null) {
                tasks.archive(caller, r.taskId);
            }
            if (r.dealId != null) {
                deals.archive(caller, r.dealId);
            }
            return null;
        } catch (CrmException e) {
            return e.getMessage();
        }
    }
}
