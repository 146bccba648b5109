package io.tessera.crm.api.deals;

/** Open stages come first in a pipeline; it ends with exactly one WON and one LOST stage. */
public enum StageKind {
    OPEN, WON, LOST
}
