package io.tessera.crm.deals.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A key/value marker of this bundle's data. The primary key makes one-time set-up steps (the default pipeline)
 * idempotent even when two nodes start at the same moment: the second insert fails and is rolled back.
 */
@Entity
@Table(name = "DEAL_SETTING")
public class DealSettingEntity {
    public static final String DEFAULT_PIPELINE = "defaultPipeline";

    @Id
    @Column(name = "SETTING_KEY", length = 100)
    private String key;

    @Column(name = "SETTING_VALUE", length = 1000)
    private String value;

    public DealSettingEntity() {
    }

    public DealSettingEntity(String key, String value) {
        this.key = key;
        this.value = value;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }
}
