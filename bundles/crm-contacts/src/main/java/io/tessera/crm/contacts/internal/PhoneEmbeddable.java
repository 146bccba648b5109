package io.tessera.crm.contacts.internal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/**
 * A phone number as entered, with a digits-only copy for searching ("+7 (912) 345" finds "79123456789") and the
 * duplicate match key.
 */
@Embeddable
public class PhoneEmbeddable {
    @Column(name = "PHONE", length = 64, nullable = false)
    private String number;
    @Column(name = "DIGITS", length = 64, nullable = false)
    private String digits;
    /** {@link MatchKeys#phone}: what duplicate detection compares ("" never matches; null on rows not yet keyed). */
    @Column(name = "MATCH_KEY", length = 16)
    private String matchKey;

    protected PhoneEmbeddable() {
    }

    PhoneEmbeddable(String number) {
        this.number = number;
        this.digits = Normalize.digits(number);
        this.matchKey = MatchKeys.phoneFromDigits(digits);
    }

    String number() {
        return number;
    }

    String digits() {
        return digits;
    }

    /** The match key, computed when a row written before the key existed has none. */
    String matchKey() {
        return matchKey != null ? matchKey : MatchKeys.phoneFromDigits(digits);
    }
}
