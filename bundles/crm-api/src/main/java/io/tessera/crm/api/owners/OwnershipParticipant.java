package io.tessera.crm.api.owners;

import java.util.List;
import java.util.Map;

/**
 * A bundle that keeps records owned by users registers one of these (whiteboard), so that moving a departing
 * user's clients to a colleague reaches every kind of record, including those of modules installed later.
 */
public interface OwnershipParticipant {
    /**
     * Gives every live record of {@code fromUser} that should move (open deals and tasks only, all companies and
     * contacts) to {@code toUser}, in one local transaction. Returns the moved ids by record type, e.g. "companies".
     */
    Map<String, List<Long>> reassign(String fromUser, String toUser, String actor);

    /** Gives the listed records back to {@code fromUser}: undoes {@link #reassign} when another participant failed. */
    void revert(Map<String, List<Long>> moved, String fromUser);
}
