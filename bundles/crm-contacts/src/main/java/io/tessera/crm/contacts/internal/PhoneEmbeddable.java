package io.tessera.crm.contacts.internal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A phone number as entered, with a digits-only copy for searching ("+7 (912) 345" finds "79123456789"). */
@Embeddable
public class PhoneEmbeddable {
    @Column(name = "PHONE", length = 64, nullable = false)
    private String number;
    @Column(name = "DIGITS", length = 64, nullable = false)
    private String digits;

    protected PhoneEmbeddable() {
    }

    PhoneEmbeddable(String number) {
        this.number = number;
        this.digits = Normalize.digits(number);
    }

    String number() {
        return number;
    }
}
