package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.api.deals.StageDto;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The names an export writes beside the ids it exports, for the people who read the file and for an import on
 * another server, which finds a company by its name: each read once per export, a page's unread ones in one call.
 * A record the caller cannot see has no name (its id stays in the file).
 */
final class ExportNames {
    private final Caller caller;
    private final ContactBatchService batch;
    private final PipelineService pipelines;
    private final Map<Long, String> companies = new HashMap<>();
    private final Map<Long, String> contacts = new HashMap<>();
    private final Map<Long, String> pipelineNames = new HashMap<>();
    private final Map<Long, String> stageNames = new HashMap<>();
    private boolean pipelinesListed;

    ExportNames(Caller caller, ContactBatchService batch, PipelineService pipelines) {
        this.caller = caller;
        this.batch = batch;
        this.pipelines = pipelines;
    }

    void readCompanies(Collection<Long> ids) {
        Set<Long> unread = unread(companies, ids);
        if (!unread.isEmpty()) {
            batch.getCompanies(caller, unread).forEach(c -> companies.put(c.id(), c.name()));
        }
    }

    void readContacts(Collection<Long> ids) {
        Set<Long> unread = unread(contacts, ids);
        if (!unread.isEmpty()) {
            batch.getContacts(caller, unread).forEach(c -> contacts.put(c.id(), fullName(c)));
        }
    }

    /** The ids not read yet, marked as read (with no name, until the read gives one). */
    private static Set<Long> unread(Map<Long, String> names, Collection<Long> ids) {
        Set<Long> unread = new HashSet<>();
        for (Long id : ids) {
            if (id != null && !names.containsKey(id)) {
                unread.add(id);
                names.put(id, null);
            }
        }
        return unread;
    }

    String company(Long id) {
        return id == null ? null : companies.get(id);
    }

    List<String> companies(List<Long> ids) {
        return ids.stream().map(companies::get).filter(Objects::nonNull).toList();
    }

    List<String> contacts(List<Long> ids) {
        return ids.stream().map(contacts::get).filter(Objects::nonNull).toList();
    }

    String pipeline(long id) {
        if (!pipelinesListed) {
            pipelines.list(caller).forEach(this::add);
            pipelinesListed = true;
        }
        if (!pipelineNames.containsKey(id)) {
            pipelineNames.put(id, null);
            try {
                add(pipelines.get(caller, id)); // an archived pipeline's deals are still exported
            } catch (NotFoundException gone) {
                // no name
            }
        }
        return pipelineNames.get(id);
    }

    /** The stage's name (its pipeline read first, see {@link #pipeline}). */
    String stage(long pipelineId, long stageId) {
        pipeline(pipelineId);
        return stageNames.get(stageId);
    }

    private void add(PipelineDto p) {
        pipelineNames.put(p.id(), p.name());
        for (StageDto s : p.stages()) {
            stageNames.put(s.id(), s.name());
        }
    }

    private static String fullName(ContactDto c) {
        String full = ((c.firstName() == null ? "" : c.firstName()) + " "
                + (c.lastName() == null ? "" : c.lastName())).strip();
        return full.isEmpty() ? null : full;
    }
}
