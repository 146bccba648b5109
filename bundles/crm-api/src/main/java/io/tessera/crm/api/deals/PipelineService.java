package io.tessera.crm.api.deals;

import io.tessera.crm.api.Caller;
import java.util.List;

/**
 * Pipelines and their stages. Everybody may read them; creating and changing them is for admins and managers.
 * A default "Sales" pipeline exists from the first start.
 */
public interface PipelineService {
    List<PipelineDto> list(Caller caller);

    PipelineDto get(Caller caller, long id);

    PipelineDto create(Caller caller, PipelineInput input);

    /** Stages missing from the input are removed; a stage that still holds deals cannot be removed (409). */
    PipelineDto update(Caller caller, long id, long expectedVersion, PipelineInput input);

    PipelineDto archive(Caller caller, long id);

    /** The stage with its pipeline id; NotFoundException when there is none. */
    StageDto stage(long stageId);

    /** The configured reasons a deal may be lost for. */
    List<String> lossReasons();
}
