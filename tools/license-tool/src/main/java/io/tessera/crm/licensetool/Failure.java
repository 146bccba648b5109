package io.tessera.crm.licensetool;

/** The command ran but failed or refused; the message is printed as is. */
final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
        super(message);
    }
}
