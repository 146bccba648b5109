package io.tessera.crm.importer.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * Phone numbers to E.164 with libphonenumber: "8 (912) 345-67-89", "+7 912 3456789" and "79123456789" are all
 * "+79123456789" with the default region RU. Self-contained (only libphonenumber), so crm-contacts can take it over.
 */
public final class PhoneNormalizer {
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNormalizer(String defaultRegion) {
        String region = defaultRegion == null ? "RU" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("unknown region " + defaultRegion);
        }
        this.defaultRegion = region;
    }

    public static boolean isRegion(String region) {
        return region != null && PhoneNumberUtil.getInstance().getSupportedRegions()
                .contains(region.strip().toUpperCase(Locale.ROOT));
    }

    /** The E.164 form, or null when the text is not a valid phone number. */
    public String toE164(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        try {
            PhoneNumber n = util.parse(text, defaultRegion);
            if (util.isValidNumber(n)) {
                return util.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
            if (text.startsWith("+")) {
                return null;
            }
            // "79123456789": a full international number written without the '+'
            PhoneNumber withPlus = util.parse("+" + text, defaultRegion);
            return util.isValidNumber(withPlus) ? util.format(withPlus, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
