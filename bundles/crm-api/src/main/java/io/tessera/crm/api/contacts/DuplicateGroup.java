package io.tessera.crm.api.contacts;

import java.util.List;

/**
 * Live (not archived) records that one duplicate rule considers the same.
 *
 * @param ids    the records, at least two, ascending (the oldest first: a natural survivor)
 * @param reason one human line naming what they share, e.g. {@code same email ivan@x.com}
 * @param rule   the rule that matched: one of the {@code RULE_*} constants of {@link DuplicateService}
 *               ({@code EMAIL}, {@code PHONE}, {@code NAME_IN_COMPANY} for contacts; {@code TAX_ID}, {@code DOMAIN},
 *               {@code NAME} for companies)
 */
public record DuplicateGroup(List<Long> ids, String reason, String rule) {
    public DuplicateGroup {
        ids = List.copyOf(ids);
    }
}
