package io.tessera.crm.support.testing;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The lookup the fake record services share: by id, with visibility as the real services, counting the calls. */
public abstract class OwnedRecords<T> {
    /** In id order, so a fake that pages through the records pages the same way every run. */
    public final Map<Long, T> byId = new TreeMap<>();
    /** Lets a test show that no record was looked up, e.g. before the input was checked. */
    public int getCalls;

    private final String entity;
    private final Function<T, String> owner;

    protected OwnedRecords(String entity, Function<T, String> owner) {
        this.entity = entity;
        this.owner = owner;
    }

    /** A missing record and one the caller may not see answer the same NotFoundException, as in the real services. */
    protected T find(Caller caller, long id) {
        getCalls++;
        T record = byId.get(id);
        if (record == null || !caller.mayAccess(owner.apply(record))) {
            throw new NotFoundException(entity, id);
        }
        return record;
    }
}
