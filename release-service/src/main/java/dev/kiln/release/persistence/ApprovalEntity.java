package dev.kiln.release.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of approval; roles comma-joined as the identity held them when it decided. */
@Entity
@Table(name = "approval")
public class ApprovalEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String version;
    public String identity;
    public String roles;
    public String decision;
    public String comment;
    public Instant at;
}
