-- First answer to a create call, keyed by the caller's Idempotency-Key, replayed to retries.
create table kiln_idempotency (
    scope          varchar(128) not null,
    idem_key       varchar(256) not null,
    request_hash   varchar(64)  not null,
    status         integer      not null,
    response_body  text,
    location       varchar(1024),
    created_at     timestamp with time zone not null,
    primary key (scope, idem_key)
);
