-- Build and step-run state lives here, not in Kubernetes objects: Jobs are disposable.
create table build (
    id                    varchar(16)  primary key,
    pipeline              varchar(40)  not null,
    pipeline_spec         text         not null,
    pipeline_digest       varchar(64)  not null,
    pipeline_origin       text         not null,
    kind                  varchar(16),
    branch                varchar(200),
    version_from          varchar(200),
    version_to            varchar(200),
    version_suffix        varchar(200),
    requested_sdk_version varchar(200),
    requested_tag         varchar(200),
    arches                jsonb        not null,
    vendors               jsonb        not null,
    params                jsonb        not null,
    skip_cached           boolean      not null,
    requested_by          varchar(200),
    tag                   varchar(200),
    version               varchar(200),
    version_id            varchar(50),
    flatcar_build_id      varchar(200),
    sdk_version           varchar(200),
    channel               varchar(20),
    version_branch        varchar(200),
    version_commit        varchar(64),
    state                 varchar(16)  not null,
    reason                text,
    created_at            timestamptz  not null,
    started_at            timestamptz,
    finished_at           timestamptz,
    owner                 varchar(200),
    lease_until           timestamptz
);

create index build_listing_idx on build (created_at desc, id);
create index build_state_idx on build (state, created_at desc);
create index build_tag_idx on build (tag, created_at desc);
create index build_unfinished_idx on build (id) where state in ('REQUESTED', 'RUNNING');

create table step_run (
    build_id     varchar(16)  not null references build (id) on delete cascade,
    run_key      varchar(120) not null,
    ordinal      integer      not null,
    step         varchar(40)  not null,
    arch         varchar(16),
    vendor       varchar(40),
    needs        jsonb        not null,
    state        varchar(16)  not null,
    attempt      integer      not null,
    round_start  integer      not null,
    not_before   timestamptz,
    launched_at  timestamptz,
    started_at   timestamptz,
    finished_at  timestamptz,
    reason       text,
    outputs      jsonb        not null,
    log_path     text,
    primary key (build_id, run_key)
);
