package io.tessera.crm.api.deals;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;

/** Deals. Visibility as for companies: sales users see the deals they own. */
public interface DealService {
    DealDto create(Caller caller, DealInput input);

    DealDto get(Caller caller, long id);

    /**
     * Whether the deal is archived: what a task linking to it needs to know, without reading the deal's stage
     * history. Throws {@link io.tessera.crm.api.NotFoundException} as {@link #get} does.
     */
    default boolean isArchived(Caller caller, long id) {
        return get(caller, id).archived();
    }

    /** Replaces every field; a new stage (even in another pipeline) is a stage move and is recorded in the history. */
    DealDto update(Caller caller, long id, long expectedVersion, DealInput input);

    /** Moves the deal to a stage of any pipeline; a WON/LOST stage closes it (LOST needs a reason). */
    DealDto moveToStage(Caller caller, long id, long expectedVersion, long stageId, String lossReason,
                        String lossComment);

    DealDto archive(Caller caller, long id);

    DealDto restore(Caller caller, long id);

    Page<DealDto> list(Caller caller, DealQuery query);
}
