package io.tessera.crm.importer.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Phone numbers to E.164 with libphonenumber: "8 (912) 345-67-89", "+7 912 3456789" and "79123456789" are all
 * "+79123456789" with the default region RU. Self-contained (only libphonenumber), so crm-contacts can take it over.
 */
public final class PhoneNormalizer {
    /** Words in brackets, without a digit: "(моб.)", not "(495)". */
    private static final Pattern LABEL = Pattern.compile("\\([^()0-9]*\\)");
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

    /** A number in E.164 and its extension ("доб. 123", "ext. 12"; null when it has none), which E.164 cannot hold. */
    public record Phone(String e164, String extension) {
    }

    /** The E.164 form, or null when the text is not a valid phone number. */
    public String toE164(String raw) {
        Phone phone = parse(raw);
        return phone == null ? null : phone.e164();
    }

    /** The number, or null when the text is not a valid phone number. A label in brackets ("(моб.)") is dropped. */
    public Phone parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.indexOf('(') >= 0 ? LABEL.matcher(raw).replaceAll(" ").strip() : raw.strip();
        try {
            PhoneNumber n = util.parse(text, defaultRegion);
            if (!util.isValidNumber(n)) {
                if (text.startsWith("+")) {
                    return null;
                }
                // "79123456789": a full international number written without the '+'
                n = util.parse("+" + text, defaultRegion);
                if (!util.isValidNumber(n)) {
                    return null;
                }
            }
            return new Phone(util.format(n, PhoneNumberUtil.PhoneNumberFormat.E164),
                    n.hasExtension() && !n.getExtension().isEmpty() ? n.getExtension() : null);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
