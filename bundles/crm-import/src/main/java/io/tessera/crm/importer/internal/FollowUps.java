package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.contacts.BatchResult;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Creates the deals and tasks of import rows ({@link FollowUp}) through the core's deal and task services once the
 * row's record is written, and archives them again on undo: a buffer's deals in one
 * {@link DealService#createAll} call and its tasks in one {@link TaskService#createAll} (the services' own checks;
 * one transaction and one batch event each, which the timeline records in one transaction). A record that
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
     * The buffer's deals are created in one call, then its tasks (linked to the row's new deal) in another.
     */
    void writeAll(Caller caller, List<ParsedRow> rows, ImportOptions options, Supplier<Stages> stages) {
        Entity entity = options.entity();
        List<RowFollowUp> work = new ArrayList<>();
        for (ParsedRow p : rows) {
            ImportRowEntity r = p.row();
            Draft d = p.draft();
            if (!d.followUp.hasDeal() && !d.followUp.hasTask() || r.recordId == null || r.outcome == null
                    || Outcome.valueOf(r.outcome) == Outcome.REJECTED
                    || Outcome.valueOf(r.outcome) == Outcome.SKIPPED && options.mode() == Mode.CREATE_ONLY) {
                continue;
            }
            if (options.isDryRun()) {
                RowOutcomes.addNotes(r, (d.followUp.hasDeal() ? "a deal" : "")
                        + (d.followUp.hasDeal() && d.followUp.hasTask() ? " and " : "")
                        + (d.followUp.hasTask() ? "a task" : "") + " would be created");
            } else {
                work.add(new RowFollowUp(r, d, entity));
            }
        }
        if (work.isEmpty()) {
            return;
        }
        createDeals(caller, work, stages.get());
        createTasks(caller, work);
        work.forEach(w -> RowOutcomes.addNotes(w.row, String.join("; ", w.notes)));
    }

    /**
     * A row whose record gets a deal or task: the record is the contact (with the company named on the row) or the
     * company. A record the row has just created has no deal or task yet, so only an older one is searched for an
     * open deal (task) of that title.
     */
    private static final class RowFollowUp {
        final ImportRowEntity row;
        final FollowUp followUp;
        final String owner;
        final Long contactId;
        final Long companyId;
        final String recordName;
        final boolean newRecord;
        final List<String> notes = new ArrayList<>(2);

        RowFollowUp(ImportRowEntity row, Draft d, Entity entity) {
            this.row = row;
            this.followUp = d.followUp;
            this.owner = d.owner;
            this.contactId = entity == Entity.CONTACTS ? row.recordId : null;
            this.companyId = entity == Entity.COMPANIES ? row.recordId : d.linkedCompanyId;
            this.recordName = entity == Entity.COMPANIES ? d.name : d.fullName();
            this.newRecord = Outcome.valueOf(row.outcome) == Outcome.CREATED;
        }

        String dealTitle() {
            return followUp.dealTitle != null ? followUp.dealTitle : recordName;
        }

        String taskTitle() {
            return followUp.taskTitle != null ? followUp.taskTitle : "Follow up: " + recordName;
        }
    }

    private void createDeals(Caller caller, List<RowFollowUp> work, Stages stages) {
        List<RowFollowUp> creating = new ArrayList<>();
        List<DealInput> inputs = new ArrayList<>();
        for (RowFollowUp w : work) {
            if (!w.followUp.hasDeal()) {
                continue;
            }
            try {
                DealDto existing = w.newRecord ? null : openDeal(caller, w.dealTitle(), w.contactId, w.companyId);
                if (existing != null) {
                    w.notes.add("deal '" + w.dealTitle() + "' exists (" + existing.id() + ")");
                    continue;
                }
            } catch (CrmException e) {
                w.notes.add(notCreated("deal", w.followUp.dealColumn, e));
                continue;
            }
            creating.add(w);
            inputs.add(new DealInput(w.dealTitle(), null, stages.idOf(w.followUp.dealStage), w.followUp.dealAmount,
                    w.followUp.dealCurrency, null, w.owner, w.companyId,
                    w.contactId == null ? List.of() : List.of(w.contactId), "import", null, null));
        }
        if (inputs.isEmpty()) {
            return;
        }
        noteResults(creating, deals.createAll(caller, inputs), "deal", (w, id) -> w.row.dealId = id,
                w -> w.followUp.dealColumn);
    }

    private void createTasks(Caller caller, List<RowFollowUp> work) {
        List<RowFollowUp> creating = new ArrayList<>();
        List<TaskInput> inputs = new ArrayList<>();
        for (RowFollowUp w : work) {
            if (!w.followUp.hasTask()) {
                continue;
            }
            try {
                TaskDto existing = w.newRecord ? null : openTask(caller, w.taskTitle(), w.contactId, w.companyId);
                if (existing != null) {
                    w.notes.add("task '" + w.taskTitle() + "' exists (" + existing.id() + ")");
                    continue;
                }
            } catch (CrmException e) {
                w.notes.add(notCreated("task", w.followUp.taskColumn, e));
                continue;
            }
            creating.add(w);
            inputs.add(new TaskInput(w.taskTitle(), null, w.followUp.taskDue == null ? null
                    : w.followUp.taskDue.atStartOfDay(ZoneOffset.UTC).toInstant(), null, w.owner, null, null, null,
                    w.companyId, w.contactId, w.row.dealId));
        }
        if (inputs.isEmpty()) {
            return;
        }
        noteResults(creating, tasks.createAll(caller, inputs), "task", (w, id) -> w.row.taskId = id,
                w -> w.followUp.taskColumn);
    }

    /** Notes on each row what the batch call did with its deal (task); {@code created} takes the new record's id. */
    private static void noteResults(List<RowFollowUp> rows, List<BatchResult> results, String kind,
                                    BiConsumer<RowFollowUp, Long> created, Function<RowFollowUp, String> column) {
        for (int i = 0; i < results.size(); i++) {
            RowFollowUp w = rows.get(i);
            BatchResult result = results.get(i);
            if (result.ok()) {
                created.accept(w, result.id());
                w.notes.add(kind + " " + result.id() + " created");
            } else {
                w.notes.add(notCreated(kind, column.apply(w), result.error()));
            }
        }
    }

    private static String notCreated(String kind, String column, CrmException e) {
        return kind + " not created (column " + column + "): " + e.getMessage();
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

    /**
     * Archives the deals and tasks of the rows (undo): the tasks in one {@link TaskService#archiveAll} call, then the
     * deals in one {@link DealService#archiveAll}. Returns, for each row of which something could not be archived, why.
     */
    Map<ImportRowEntity, String> archiveAll(Caller caller, List<ImportRowEntity> rows) {
        Map<ImportRowEntity, String> failures = new LinkedHashMap<>();
        List<ImportRowEntity> withTask = rows.stream().filter(r -> r.taskId != null).toList();
        if (!withTask.isEmpty()) {
            noteFailures(withTask, tasks.archiveAll(caller, withTask.stream().map(r -> r.taskId).toList()), failures);
        }
        List<ImportRowEntity> withDeal = rows.stream().filter(r -> r.dealId != null).toList();
        if (!withDeal.isEmpty()) {
            noteFailures(withDeal, deals.archiveAll(caller, withDeal.stream().map(r -> r.dealId).toList()), failures);
        }
        return failures;
    }

    private static void noteFailures(List<ImportRowEntity> rows, List<BatchResult> results,
                                     Map<ImportRowEntity, String> failures) {
        for (int i = 0; i < rows.size(); i++) {
            if (!results.get(i).ok()) {
                failures.merge(rows.get(i), results.get(i).error().getMessage(), (a, b) -> a + "; " + b);
            }
        }
    }
}
