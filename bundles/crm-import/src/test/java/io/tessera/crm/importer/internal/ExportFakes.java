package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.PipelineService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The services {@link ExportServiceImplTest} exports from: lists of fixed records, everything else refused. */
final class ExportFakes {
    private ExportFakes() {
    }

    /** Pages through a fixed list: the cursor is the offset; records the queries it got. */
    static final class Lister<T, Q> {
        final List<T> items = new ArrayList<>();
        final List<Q> queries = new ArrayList<>();
        RuntimeException failure;

        Page<T> page(Q query, Paging paging) {
            queries.add(query);
            if (failure != null) {
                throw failure;
            }
            int from = paging.cursor() == null ? 0 : Integer.parseInt(paging.cursor());
            int to = Math.min(items.size(), from + paging.limit());
            return new Page<>(items.subList(from, to), to < items.size() ? Integer.toString(to) : null);
        }
    }

    static final class Companies implements CompanyService {
        final Lister<CompanyDto, RecordQuery> lister = new Lister<>();
        final List<Caller> callers = new ArrayList<>();
        /** The ids of each {@link ContactBatchService#getCompanies} call. */
        final List<Set<?>> batchReads = new ArrayList<>();

        public Page<CompanyDto> list(Caller caller, RecordQuery query) {
            callers.add(caller);
            return lister.page(query, query.paging());
        }

        public CompanyDto create(Caller c, CompanyInput i) {
            throw new UnsupportedOperationException();
        }

        public CompanyDto get(Caller c, long id) {
            throw new UnsupportedOperationException();
        }

        public CompanyDto update(Caller c, long id, long v, CompanyInput i) {
            throw new UnsupportedOperationException();
        }

        public CompanyDto archive(Caller c, long id) {
            throw new UnsupportedOperationException();
        }

        public CompanyDto restore(Caller c, long id) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * Answers {@link ContactBatchService#getCompanies} and {@code getContacts} from the lists (recording the ids
     * asked for in {@code batchReads}); refuses the rest.
     */
    static ContactBatchService batch(Companies companies, Contacts contacts) {
        return (ContactBatchService) Proxy.newProxyInstance(ExportFakes.class.getClassLoader(),
                new Class<?>[] {ContactBatchService.class}, (proxy, method, args) -> {
                    Collection<?> ids = (Collection<?>) args[1];
                    switch (method.getName()) {
                        case "getCompanies" -> {
                            companies.batchReads.add(Set.copyOf(ids));
                            return companies.lister.items.stream().filter(c -> ids.contains(c.id())).toList();
                        }
                        case "getContacts" -> {
                            contacts.batchReads.add(Set.copyOf(ids));
                            return contacts.lister.items.stream().filter(c -> ids.contains(c.id())).toList();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    /** Fixed pipelines: {@code list} gives the live ones, {@code get} any (recorded in {@code got}). */
    static final class Pipelines {
        final List<PipelineDto> items = new ArrayList<>();
        final List<Long> got = new ArrayList<>();

        PipelineService service() {
            return (PipelineService) Proxy.newProxyInstance(ExportFakes.class.getClassLoader(),
                    new Class<?>[] {PipelineService.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "list" -> items.stream().filter(p -> !p.archived()).toList();
                        case "get" -> {
                            long id = (Long) args[1];
                            got.add(id);
                            yield items.stream().filter(p -> p.id() == id).findFirst()
                                    .orElseThrow(() -> new NotFoundException("pipeline", id));
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    static final class Contacts implements ContactService {
        final Lister<ContactDto, RecordQuery> lister = new Lister<>();
        final List<Set<?>> batchReads = new ArrayList<>();

        public Page<ContactDto> list(Caller caller, RecordQuery query) {
            return lister.page(query, query.paging());
        }

        public ContactDto create(Caller c, ContactInput i) {
            throw new UnsupportedOperationException();
        }

        public ContactDto get(Caller c, long id) {
            throw new UnsupportedOperationException();
        }

        public ContactDto update(Caller c, long id, long v, ContactInput i) {
            throw new UnsupportedOperationException();
        }

        public ContactDto archive(Caller c, long id) {
            throw new UnsupportedOperationException();
        }

        public ContactDto restore(Caller c, long id) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Deals implements DealService {
        final Lister<DealDto, DealQuery> lister = new Lister<>();

        public Page<DealDto> list(Caller caller, DealQuery query) {
            return lister.page(query, query.paging());
        }

        public DealDto create(Caller c, DealInput i) {
            throw new UnsupportedOperationException();
        }

        public DealDto get(Caller c, long id) {
            throw new UnsupportedOperationException();
        }

        public DealDto update(Caller c, long id, long v, DealInput i) {
            throw new UnsupportedOperationException();
        }

        public DealDto moveToStage(Caller c, long id, long v, long s, String r, String m) {
            throw new UnsupportedOperationException();
        }

        public DealDto archive(Caller c, long id) {
            throw new UnsupportedOperationException();
        }

        public DealDto restore(Caller c, long id) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Events implements EventAdmin {
        final List<Event> sent = new ArrayList<>();

        public void postEvent(Event event) {
            sent.add(event);
        }

        public void sendEvent(Event event) {
            sent.add(event);
        }
    }
}
