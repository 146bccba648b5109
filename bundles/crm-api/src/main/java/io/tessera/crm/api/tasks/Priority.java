package io.tessera.crm.api.tasks;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
