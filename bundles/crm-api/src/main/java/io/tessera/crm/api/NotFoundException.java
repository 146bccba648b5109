package io.tessera.crm.api;

/** No such record, or one the caller may not see (the two are not told apart, so ids do not leak). */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " not found");
    }
}
