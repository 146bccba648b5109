package io.tessera.crm.deals.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the deals bundle, PID {@code io.tessera.crm.deals}. Every {@code lossReasons} value may itself hold
 * several reasons separated by {@code ;}: a plain {@code .cfg} file gives a single string, which DS turns into a
 * one-element array, so {@code lossReasons = Too expensive;No budget} works as well as a real array.
 */
@ObjectClassDefinition(name = "Tessera CRM deals", description = "Pipelines and deals")
public @interface DealsConfiguration {
    String[] DEFAULT_LOSS_REASONS = {"Too expensive", "Chose a competitor", "No budget", "No response", "Not a fit",
            "Other"};

    @AttributeDefinition(name = "Loss reasons",
            description = "The reasons a deal may be lost for; a value may list several separated by ';'")
    String[] lossReasons() default {"Too expensive", "Chose a competitor", "No budget", "No response", "Not a fit",
            "Other"};
}
