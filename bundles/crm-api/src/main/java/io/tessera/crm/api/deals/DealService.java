package io.tessera.crm.api.deals;

import io.tessera.crm.api.ArchivedStates;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.contacts.BatchResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Deals. Visibility as for companies: sales users see the deals they own. */
public interface DealService {
    DealDto create(Caller caller, DealInput input);

    /**
     * Creates many deals in one transaction, for bulk work such as the import: every item is checked as
     * {@link #create} checks it, and an item that fails is reported in its {@link BatchResult} and not written (see
     * {@link io.tessera.crm.api.contacts.ContactBatchService} for the rules shared by every batch method). Instead of
     * one event per deal, one batch event per action is posted (asynchronously) after the commit:
     * {@code tessera/crm/deal/CREATED_BATCH}, and {@code WON_BATCH}/{@code LOST_BATCH} for deals created in a closed
     * stage (see {@link io.tessera.crm.api.CrmEvents#BATCH_SUFFIX}). So the stage's automatic tasks of such deals
     * are created just after the call returns, not before.
     *
     * @return one result per input item, in input order
     */
    default List<BatchResult> createAll(Caller caller, List<DealInput> inputs) {
        return BatchResult.oneByOne(inputs, in -> {
            DealDto deal = create(caller, in);
            return BatchResult.ok(deal.id(), deal.version());
        });
    }

    DealDto get(Caller caller, long id);

    /**
     * Whether the deal is archived: what a task linking to it needs to know, without reading the deal's stage
     * history. Throws {@link io.tessera.crm.api.NotFoundException} as {@link #get} does.
     */
    default boolean isArchived(Caller caller, long id) {
        return get(caller, id).archived();
    }

    /**
     * {@link #isArchived} for many deals at once (one query where the implementation can), for checking the links
     * of a batch: an entry for each id the caller may see; an id that does not exist or that the caller may not see
     * is absent.
     */
    default Map<Long, Boolean> archivedStates(Caller caller, Collection<Long> ids) {
        return ArchivedStates.oneByOne(ids, id -> isArchived(caller, id));
    }

    /** Replaces every field; a new stage (even in another pipeline) is a stage move and is recorded in the history. */
    DealDto update(Caller caller, long id, long expectedVersion, DealInput input);

    /** Moves the deal to a stage of any pipeline; a WON/LOST stage closes it (LOST needs a reason). */
    DealDto moveToStage(Caller caller, long id, long expectedVersion, long stageId, String lossReason,
                        String lossComment);

    DealDto archive(Caller caller, long id);

    /**
     * Archives many deals in one transaction, for bulk work such as undoing an import: each id is handled as
     * {@link #archive} handles it (one not visible to the caller fails alone with
     * {@link io.tessera.crm.api.NotFoundException}; one archived already succeeds and announces nothing). One
     * {@code tessera/crm/deal/ARCHIVED_BATCH} event is posted (asynchronously) after the commit.
     *
     * @return one result per id, in order
     */
    default List<BatchResult> archiveAll(Caller caller, List<Long> ids) {
        return BatchResult.oneByOne(ids, id -> {
            DealDto deal = archive(caller, id);
            return BatchResult.ok(deal.id(), deal.version());
        });
    }

    DealDto restore(Caller caller, long id);

    Page<DealDto> list(Caller caller, DealQuery query);
}
