package io.tessera.crm.api.tasks;

public enum TaskStatus {
    OPEN, IN_PROGRESS, DONE
}
