package io.tessera.crm.api.deals;

public enum DealStatus {
    OPEN, WON, LOST
}
