package io.tessera.crm.api.deals;

import io.tessera.crm.api.tasks.Priority;

/**
 * A task created automatically for the deal's owner when a deal enters the stage carrying this template, due
 * {@code dueInHours} after that moment.
 */
public record TaskTemplate(String title, String description, int dueInHours, Priority priority) {
}
