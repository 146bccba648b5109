package io.tessera.crm.deals.internal;

import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.deals.PipelineInput;
import io.tessera.crm.api.deals.StageInput;
import io.tessera.crm.api.deals.StageKind;
import io.tessera.crm.api.deals.TaskTemplate;
import io.tessera.crm.support.validation.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The checks of a pipeline's input: its name, its stages (names, kinds, order, probabilities) and task templates. */
final class PipelineChecks {
    static final int MAX_STAGES = 50;
    static final int MAX_TASK_TEMPLATES = 20;

    private PipelineChecks() {
    }

    /**
     * Checks the whole input against the pipeline's current stages (empty for a new pipeline); returns the stages
     * (never null) when it is fine, else throws every field error at once.
     */
    static List<StageInput> validate(PipelineInput input, Map<Long, StageEntity> currentStages) {
        if (input == null) {
            throw new ValidationException("body", "is required");
        }
        Checks c = new Checks();
        c.required("name", input.name()).maxLength("name", trim(input.name()), 100);
        List<StageInput> stages = input.stages() == null ? List.of() : input.stages();
        c.maxSize("stages", stages, MAX_STAGES);
        Set<String> names = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        int open = 0;
        int won = 0;
        int lost = 0;
        for (int i = 0; i < stages.size(); i++) {
            String at = "stages[" + i + "]";
            StageInput s = stages.get(i);
            if (s == null) {
                c.add(at, "is required");
                continue;
            }
            StageKind kind = checkStage(c, at, s, currentStages, names, ids);
            switch (kind) {
                case OPEN -> open++;
                case WON -> won++;
                case LOST -> lost++;
                default -> throw new IllegalStateException(kind.name());
            }
        }
        if (open == 0) {
            c.add("stages", "needs at least one OPEN stage");
        }
        if (won != 1) {
            c.add("stages", "needs exactly one WON stage");
        }
        if (lost != 1) {
            c.add("stages", "needs exactly one LOST stage");
        }
        if (open > 0 && won == 1 && lost == 1 && stages.stream().noneMatch(Objects::isNull)) {
            checkOrder(c, stages);
        }
        c.throwIfAny();
        return stages;
    }

    /** One stage's fields and task templates; returns its kind. {@code names} and {@code ids} collect the seen ones. */
    private static StageKind checkStage(Checks c, String at, StageInput s, Map<Long, StageEntity> currentStages,
                                        Set<String> names, Set<Long> ids) {
        if (s.id() != null) {
            if (!currentStages.containsKey(s.id())) {
                c.add(at + ".id", "is not a stage of this pipeline");
            } else if (!ids.add(s.id())) {
                c.add(at + ".id", "is listed twice");
            }
        }
        c.required(at + ".name", s.name()).maxLength(at + ".name", trim(s.name()), 100);
        if (s.name() != null && !s.name().isBlank() && !names.add(s.name().trim().toLowerCase(Locale.ROOT))) {
            c.add(at + ".name", "is the name of another stage of this pipeline");
        }
        StageKind kind = s.kind() == null ? StageKind.OPEN : s.kind();
        if (s.probability() == null) {
            if (kind == StageKind.OPEN) {
                c.add(at + ".probability", "is required");
            }
        } else if (s.probability() < 0 || s.probability() > 100) {
            c.add(at + ".probability", "must be between 0 and 100");
        }
        List<TaskTemplate> templates = s.taskTemplates() == null ? List.of() : s.taskTemplates();
        c.maxSize(at + ".taskTemplates", templates, MAX_TASK_TEMPLATES);
        for (int j = 0; j < templates.size(); j++) {
            String tat = at + ".taskTemplates[" + j + "]";
            TaskTemplate t = templates.get(j);
            if (t == null) {
                c.add(tat, "is required");
                continue;
            }
            c.required(tat + ".title", t.title()).maxLength(tat + ".title", trim(t.title()), 200)
                    .maxLength(tat + ".description", t.description(), 10000)
                    .check(t.dueInHours() >= 0 && t.dueInHours() <= 8760, tat + ".dueInHours",
                            "must be between 0 and 8760 (one year)");
        }
        return kind;
    }

    /** The OPEN stages come first, then the WON stage, then the LOST stage; the first one out of place is named. */
    private static void checkOrder(Checks c, List<StageInput> stages) {
        int n = stages.size();
        for (int i = 0; i < n; i++) {
            StageKind expected = i < n - 2 ? StageKind.OPEN : i == n - 2 ? StageKind.WON : StageKind.LOST;
            StageKind kind = stages.get(i).kind() == null ? StageKind.OPEN : stages.get(i).kind();
            if (kind != expected) {
                c.add("stages[" + i + "].kind", "must be " + expected
                        + " here: the OPEN stages come first, then the WON stage, then the LOST stage");
                return;
            }
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
