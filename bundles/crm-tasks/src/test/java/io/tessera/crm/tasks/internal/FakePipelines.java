package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.PipelineInput;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.api.deals.StageDto;
import io.tessera.crm.api.deals.StageKind;
import io.tessera.crm.api.deals.TaskTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stages known by id with their task templates; only {@link #stage(long)} is used by this bundle. */
class FakePipelines implements PipelineService {
    final Map<Long, StageDto> stages = new HashMap<>();

    FakePipelines add(long stageId, String name, TaskTemplate... templates) {
        stages.put(stageId, new StageDto(stageId, 1, name, stages.size(), 10, StageKind.OPEN, List.of(templates)));
        return this;
    }

    @Override
    public StageDto stage(long stageId) {
        StageDto s = stages.get(stageId);
        if (s == null) {
            throw new NotFoundException("stage", stageId);
        }
        return s;
    }

    @Override
    public List<PipelineDto> list(Caller caller) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PipelineDto get(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PipelineDto create(Caller caller, PipelineInput input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PipelineDto update(Caller caller, long id, long expectedVersion, PipelineInput input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PipelineDto archive(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> lossReasons() {
        throw new UnsupportedOperationException();
    }
}
