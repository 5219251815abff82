package dev.kiln.common.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "seen_note")
public class SeenNoteEntity {

    @Id
    @jakarta.persistence.Column(name = "event_id")
    public String eventId;

    public String path;
}
