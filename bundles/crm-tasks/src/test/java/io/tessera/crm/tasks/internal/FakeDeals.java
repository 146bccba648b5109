package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.deals.DealStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Deals known by id, each with an owner; visibility as the real service. */
class FakeDeals implements DealService {
    final Map<Long, DealDto> byId = new HashMap<>();

    FakeDeals add(long id, String owner, Long companyId, boolean archived) {
        byId.put(id, new DealDto(id, 0, "Deal " + id, 1, 1, DealStatus.OPEN, null, null, null, owner, companyId,
                List.of(), null, null, null, null, List.of(), archived, Instant.EPOCH, Instant.EPOCH));
        return this;
    }

    @Override
    public DealDto get(Caller caller, long id) {
        DealDto d = byId.get(id);
        if (d == null || !caller.mayAccess(d.owner())) {
            throw new NotFoundException("deal", id);
        }
        return d;
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
