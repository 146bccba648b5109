package io.tessera.crm.modules.internal;

import io.tessera.crm.support.jpa.InstantConverter;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import io.tessera.crm.api.modules.ModuleState;

/**
 * The last state the server saw a module in, and since when: what {@code since} and a failed enable's reason are
 * read from. Keyed by the module id (a natural key: one row per module ever seen). Whether a module is enabled is
 * NOT decided here: Karaf's installed features are the truth, this only remembers when that last changed.
 */
@Entity
@Table(name = "MOD_STATE")
public class ModuleStateEntity {
    static final int MAX_REASON = 2000;

    @Id
    @Column(name = "ID", length = 64)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", length = 20, nullable = false)
    private ModuleState state;

    @Column(name = "REASON", length = MAX_REASON)
    private String reason;

    @Convert(converter = InstantConverter.class)
    @Column(name = "SINCE", nullable = false)
    private Instant since;

    @Version
    @Column(name = "VERSION")
    private long version;

    public ModuleStateEntity() {
    }

    ModuleStateEntity(String id, ModuleState state, String reason, Instant since) {
        this.id = id;
        set(state, reason, since);
    }

    void set(ModuleState newState, String newReason, Instant newSince) {
        this.state = newState;
        this.reason = newReason == null || newReason.length() <= MAX_REASON ? newReason
                : newReason.substring(0, MAX_REASON - 1) + "\u2026";
        this.since = newSince;
    }

    String getId() {
        return id;
    }

    ModuleState getState() {
        return state;
    }

    String getReason() {
        return reason;
    }

    Instant getSince() {
        return since;
    }
}
