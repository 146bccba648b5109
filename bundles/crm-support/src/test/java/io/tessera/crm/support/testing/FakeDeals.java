package io.tessera.crm.support.testing;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.deals.DealStatus;
import java.time.Instant;
import java.util.List;

/** Open deals known by id, each with an owner and maybe a company; visibility as the real service. */
public class FakeDeals extends OwnedRecords<DealDto> implements DealService {
    public FakeDeals() {
        super("deal", DealDto::owner);
    }

    public FakeDeals add(long id, String owner) {
        return add(id, owner, null, false);
    }

    public FakeDeals add(long id, String owner, boolean archived) {
        return add(id, owner, null, archived);
    }

    public FakeDeals add(long id, String owner, Long companyId, boolean archived) {
        byId.put(id, new DealDto(id, 0, "Deal " + id, 1, 1, DealStatus.OPEN, null, null, null, owner, companyId,
                List.of(), null, null, null, null, List.of(), archived, Instant.EPOCH, Instant.EPOCH));
        return this;
    }

    public FakeDeals markArchived(long id) {
        DealDto deal = byId.get(id);
        return add(id, deal.owner(), deal.companyId(), true);
    }

    @Override
    public DealDto get(Caller caller, long id) {
        return find(caller, id);
    }

    @Override
    public DealDto create(Caller caller, DealInput input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DealDto update(Caller caller, long id, long expectedVersion, DealInput input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DealDto moveToStage(Caller caller, long id, long expectedVersion, long stageId, String lossReason,
                               String lossComment) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DealDto archive(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DealDto restore(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<DealDto> list(Caller caller, DealQuery query) {
        throw new UnsupportedOperationException();
    }
}
