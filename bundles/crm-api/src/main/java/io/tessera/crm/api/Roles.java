package io.tessera.crm.api;

/** The CRM's roles, as JAAS role names. */
public final class Roles {
    /** Everything: modules, users, all records. */
    public static final String ADMIN = "crm-admin";
    /** All client records of the team. */
    public static final String MANAGER = "crm-manager";
    /** Own records only. */
    public static final String SALES = "crm-sales";

    private Roles() {
    }

    public static boolean isCrmRole(String role) {
        return ADMIN.equals(role) || MANAGER.equals(role) || SALES.equals(role);
    }
}
