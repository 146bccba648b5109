package io.tessera.crm.modules.licence;

import java.util.List;

/**
 * A licence document that cannot be read, or a key that cannot be used. Each problem is one sentence that names the
 * field at fault ("validUntil: must be a date such as 2027-12-31, not '2027-13-01'").
 *
 * <p>JDK only on purpose: the integrators' {@code tessera-license-tool} uses this class too.
 */
public class LicenceFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public LicenceFormatException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public LicenceFormatException(String problem) {
        this(List.of(problem));
    }

    /** Every problem found, in the order of the document. */
    public List<String> problems() {
        return problems;
    }
}
