package io.tessera.crm.security.internal;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.owners.OwnerService;
import io.tessera.crm.api.owners.OwnershipParticipant;
import io.tessera.crm.api.owners.ReassignResult;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.support.validation.Checks;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every record of one user to another across all bundles that own records (including modules installed
 * later, which register an {@link OwnershipParticipant}). Each bundle owns its own tables and persistence unit, so
 * this is one local transaction per bundle, made all-or-nothing by giving back what earlier bundles moved when a
 * later one fails.
 */
@Component(service = OwnerService.class)
public class ReassigningOwnerService implements OwnerService {
    private static final Logger LOG = LoggerFactory.getLogger(ReassigningOwnerService.class);

    private final UserService users;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    private final List<OwnershipParticipant> participants = new CopyOnWriteArrayList<>();

    @Activate
    public ReassigningOwnerService(@Reference UserService users) {
        this.users = users;
    }

    /** For tests: a fixed set of participants. */
    ReassigningOwnerService(UserService users, List<OwnershipParticipant> participants) {
        this(users);
        this.participants.addAll(participants);
    }

    @Override
    public synchronized ReassignResult reassign(Caller caller, String fromUser, String toUser) {
        if (!caller.seesAll()) {
            throw new AccessDeniedException("only admins and managers may reassign records");
        }
        new Checks().required("from", fromUser).required("to", toUser)
                .check(fromUser == null || !fromUser.equals(toUser), "to", "must differ from 'from'")
                .throwIfAny();
        new Checks().check(users.exists(toUser), "to", "no such user").throwIfAny();
        Map<String, Integer> counts = new TreeMap<>();
        Deque<Map.Entry<OwnershipParticipant, Map<String, List<Long>>>> done = new ArrayDeque<>();
        try {
            for (OwnershipParticipant participant : List.copyOf(participants)) {
                Map<String, List<Long>> moved = participant.reassign(fromUser, toUser, caller.username());
                done.push(Map.entry(participant, moved));
                moved.forEach((type, ids) -> counts.merge(type, ids.size(), Integer::sum));
            }
        } catch (RuntimeException failure) {
            giveBack(done, fromUser, failure);
            throw failure;
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        LOG.info("{} moved {} records from {} to {}: {}", caller.username(), total, fromUser, toUser, counts);
        return new ReassignResult(fromUser, toUser, counts, total);
    }

    private static void giveBack(Deque<Map.Entry<OwnershipParticipant, Map<String, List<Long>>>> done, String fromUser,
                                 RuntimeException failure) {
        while (!done.isEmpty()) {
            Map.Entry<OwnershipParticipant, Map<String, List<Long>>> step = done.pop();
            try {
                step.getKey().revert(step.getValue(), fromUser);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
                LOG.error("Could not give records back to {} after a failed reassign: {}", fromUser, step.getValue(), e);
            }
        }
    }
}
