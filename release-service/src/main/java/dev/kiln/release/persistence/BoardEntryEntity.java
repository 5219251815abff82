package dev.kiln.release.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of channel_history; {@code id} orders a channel's history. */
@Entity
@Table(name = "channel_history")
public class BoardEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String channel;
    public String action;
    public String arch;
    public String version;
    @Column(name = "current_version")
    public String currentVersion;
    public String actor;
    public String reason;
    public Instant at;
}
