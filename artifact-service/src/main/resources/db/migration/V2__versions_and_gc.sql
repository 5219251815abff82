-- The replica of version-service's tags (from dev.kiln.version.* events and, once, its list endpoint).
create table known_version (
    tag          varchar(255) primary key,
    version      varchar(255) not null,
    created_at   timestamp with time zone not null,
    recorded_at  timestamp with time zone not null
);

-- Releases published to a channel (from dev.kiln.release.published.v1), by release number.
create table published_release (
    version       varchar(64)  primary key,
    channel       varchar(64),
    published_at  timestamp with time zone not null,
    recorded_at   timestamp with time zone not null
);

-- When a replica was last filled from its source of truth.
create table replica_sync (
    name       varchar(64) primary key,
    synced_at  timestamp with time zone not null
);

-- Garbage collection runs; at most one is running at any time, across replicas of the service.
create table gc_run (
    id               varchar(36)  primary key,
    trigger          varchar(16)  not null,
    status           varchar(16)  not null,
    requested_by     varchar(255),
    settings         text         not null,
    started_at       timestamp with time zone not null,
    heartbeat_at     timestamp with time zone not null,
    finished_at      timestamp with time zone,
    purges           integer      not null default 0,
    done             integer      not null default 0,
    failed           integer      not null default 0,
    deleted_objects  bigint       not null default 0,
    error            text
);
create unique index gc_run_one_running on gc_run (status) where status = 'RUNNING';
create index gc_run_by_start on gc_run (started_at desc);

-- The decisions of a run's plan and how each one's execution went.
create table gc_run_item (
    run_id           varchar(36)   not null references gc_run (id) on delete cascade,
    seq              integer       not null,
    rule             varchar(32)   not null,
    code             varchar(64)   not null,
    subject          varchar(1024) not null,
    version          varchar(255),
    action           varchar(8)    not null,
    reason           text          not null,
    prefixes         text          not null,
    status           varchar(16)   not null,
    deleted_objects  bigint        not null default 0,
    error            text,
    primary key (run_id, seq)
);
