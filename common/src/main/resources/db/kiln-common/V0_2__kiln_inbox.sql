-- Event ids a consumer has handled; a redelivered event finds its row and is ignored.
create table kiln_inbox (
    consumer      varchar(128) not null,
    event_id      varchar(128) not null,
    event_type    varchar(128),
    processed_at  timestamp with time zone not null,
    primary key (consumer, event_id)
);
