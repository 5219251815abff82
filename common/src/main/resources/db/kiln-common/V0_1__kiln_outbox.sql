-- Events written in the same transaction as the state change they describe; the relay publishes them in seq order.
create table kiln_outbox (
    seq          bigserial primary key,
    event_id     varchar(64)  not null unique,
    event_type   varchar(128) not null,
    topic        varchar(128) not null,
    event_key    varchar(512) not null,
    source       varchar(256) not null,
    subject      varchar(512),
    occurred_at  timestamp with time zone not null,
    payload      text not null,
    sent_at      timestamp with time zone,
    attempts     integer not null default 0,
    last_error   text
);
create index kiln_outbox_unsent on kiln_outbox (seq) where sent_at is null;
