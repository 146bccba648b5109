package io.tessera.crm.api.owners;

import io.tessera.crm.api.Caller;

/** Moves all client records of one user to another in one step (when a salesperson leaves). */
public interface OwnerService {
    /** Admins and managers only; both users must exist. All or nothing: a failure gives everything back. */
    ReassignResult reassign(Caller caller, String fromUser, String toUser);
}
