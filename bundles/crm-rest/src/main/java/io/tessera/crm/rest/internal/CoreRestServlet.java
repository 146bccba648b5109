package io.tessera.crm.rest.internal;

import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.DuplicateService;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.api.imports.ExportService;
import io.tessera.crm.api.imports.ImportService;
import io.tessera.crm.api.modules.LicenceService;
import io.tessera.crm.api.modules.ModuleService;
import io.tessera.crm.api.owners.OwnerService;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.api.tasks.TaskService;
import io.tessera.crm.api.timeline.NoteService;
import io.tessera.crm.api.timeline.TimelineService;
import io.tessera.crm.rest.contacts.CompanyResource;
import io.tessera.crm.rest.contacts.ContactResource;
import io.tessera.crm.rest.core.HealthResource;
import io.tessera.crm.rest.core.OwnerResource;
import io.tessera.crm.rest.core.UserResource;
import io.tessera.crm.rest.deals.DealResource;
import io.tessera.crm.rest.deals.PipelineResource;
import io.tessera.crm.rest.imports.ExportResource;
import io.tessera.crm.rest.imports.ImportResource;
import io.tessera.crm.rest.modules.LicenceResource;
import io.tessera.crm.rest.modules.ModuleResource;
import io.tessera.crm.rest.support.JaxrsServlet;
import io.tessera.crm.rest.support.RequestAuthentication;
import io.tessera.crm.rest.tasks.TaskResource;
import io.tessera.crm.rest.timeline.NoteResource;
import io.tessera.crm.rest.timeline.TimelineResource;
import java.util.List;
import javax.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The core's REST API under /api/v1. It is registered only once every core service is up, so /health answering 200
 * means the CRM is ready. Optional modules register servlets of their own under /api/v1/&lt;module&gt;.
 */
@Component(service = Servlet.class, immediate = true, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/*",
        "osgi.http.whiteboard.servlet.name=tessera-core-api",
        JaxrsServlet.HIDE_SERVICE_LIST})
public class CoreRestServlet extends JaxrsServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public CoreRestServlet(@Reference CompanyService companies, @Reference ContactService contacts,
                           @Reference PipelineService pipelines, @Reference DealService deals,
                           @Reference TaskService tasks, @Reference TimelineService timeline,
                           @Reference NoteService notes, @Reference OwnerService owners,
                           @Reference UserService users, @Reference ModuleService modules,
                           @Reference LicenceService licences, @Reference DuplicateService duplicates,
                           @Reference ImportService imports, @Reference ExportService exports,
                           @Reference RequestAuthentication authentication) {
        super(List.of(
                new HealthResource(),
                new CompanyResource(companies, duplicates),
                new ContactResource(contacts, duplicates),
                new PipelineResource(pipelines),
                new DealResource(deals, pipelines),
                new TaskResource(tasks),
                new TimelineResource(timeline),
                new NoteResource(notes),
                new OwnerResource(owners),
                new UserResource(users),
                new ModuleResource(modules),
                new LicenceResource(licences),
                new ImportResource(imports),
                new ExportResource(exports)), authentication);
    }

    @Deactivate
    void stop() {
        close();
    }
}
