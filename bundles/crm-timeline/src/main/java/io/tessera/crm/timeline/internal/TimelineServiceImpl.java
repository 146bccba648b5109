package io.tessera.crm.timeline.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.timeline.TimelineEntryDto;
import io.tessera.crm.api.timeline.TimelineQuery;
import io.tessera.crm.api.timeline.TimelineService;
import io.tessera.crm.support.jpa.Cursors;
import io.tessera.crm.support.jpa.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The history of one company, contact or deal, newest first. Whether the caller may see it is asked of the service
 * that owns the record (its NotFoundException passes through unchanged); archived records' history stays readable
 * because their services still return them.
 */
@Component(service = TimelineService.class)
public class TimelineServiceImpl implements TimelineService {
    static final String EXACTLY_ONE = "give exactly one of companyId, contactId, dealId";

    private final Transactions tx;
    private final CompanyService companies;
    private final ContactService contacts;
    private final DealService deals;

    @Activate
    public TimelineServiceImpl(@Reference(target = "(osgi.unit.name=crm-timeline)") EntityManagerFactory emf,
                               @Reference CompanyService companies, @Reference ContactService contacts,
                               @Reference DealService deals) {
        this.tx = new Transactions(emf);
        this.companies = companies;
        this.contacts = contacts;
        this.deals = deals;
    }

    @Override
    public Page<TimelineEntryDto> history(Caller caller, TimelineQuery query) {
        Objects.requireNonNull(caller, "caller");
        if (query == null) {
            throw new ValidationException("companyId", EXACTLY_ONE);
        }
        List<FieldError> given = new ArrayList<>();
        if (query.companyId() != null) {
            given.add(new FieldError("companyId", EXACTLY_ONE));
        }
        if (query.contactId() != null) {
            given.add(new FieldError("contactId", EXACTLY_ONE));
        }
        if (query.dealId() != null) {
            given.add(new FieldError("dealId", EXACTLY_ONE));
        }
        if (given.isEmpty()) {
            throw new ValidationException("companyId", EXACTLY_ONE);
        }
        if (given.size() > 1) {
            throw new ValidationException(given);
        }
        Paging paging = query.paging();
        int offset = Cursors.offset(paging);
        TimelineEntries.Link link;
        long recordId;
        // the record must be one the caller may see (NotFoundException otherwise); isArchived reads no more than that
        if (query.companyId() != null) {
            recordId = query.companyId();
            companies.isArchived(caller, recordId);
            link = TimelineEntries.Link.COMPANY;
        } else if (query.contactId() != null) {
            recordId = query.contactId();
            contacts.isArchived(caller, recordId);
            link = TimelineEntries.Link.CONTACT;
        } else {
            recordId = query.dealId();
            deals.get(caller, recordId);
            link = TimelineEntries.Link.DEAL;
        }
        List<TimelineEntryDto> fetched = tx.read(
                em -> TimelineEntries.history(em, link, recordId, offset, paging.limit() + 1));
        return Cursors.page(fetched, paging);
    }
}
