-- Releases and their audited transitions. The state column repeats the last transition's target so that lists can
-- filter on it; both are written in the same transaction.
create table release (
    version        varchar(64)  primary key,
    major          integer      not null,
    minor          integer      not null,
    patch          integer      not null,
    channel        varchar(16)  not null,
    tag            varchar(128) not null,
    commit_id      varchar(64),
    build_id       varchar(128) not null,
    sdk_version    varchar(255) not null,
    arches         varchar(500) not null,
    vendors        varchar(1000) not null,
    requested_by   varchar(128),
    state          varchar(16)  not null,
    created_at     timestamp with time zone not null,
    constraint release_state_check check (state in ('candidate', 'ready', 'published', 'superseded', 'rejected', 'withdrawn')),
    constraint release_channel_check check (channel in ('alpha', 'beta', 'stable', 'lts')),
    constraint release_tag_key unique (tag)
);

create index release_newest on release (major desc, minor desc, patch desc);

create table release_transition (
    id          bigserial    primary key,
    version     varchar(64)  not null references release (version),
    seq         integer      not null,
    from_state  varchar(16),
    to_state    varchar(16)  not null,
    actor       varchar(255) not null,
    reason      varchar(2000) not null,
    at          timestamp with time zone not null,
    constraint release_transition_seq_key unique (version, seq)
);

-- Every attempt a test system reported, kept forever; report_id makes redelivery harmless.
create table test_report (
    id           bigserial    primary key,
    report_id    varchar(255) not null,
    version      varchar(64)  not null references release (version),
    suite        varchar(128) not null,
    arch         varchar(64)  not null,
    vendor       varchar(64),
    result       varchar(16)  not null,
    attempt      integer      not null,
    details_url  varchar(2000),
    reported_by  varchar(255) not null,
    received_at  timestamp with time zone not null,
    constraint test_report_report_id_key unique (report_id),
    constraint test_report_result_check check (result in ('passed', 'failed')),
    constraint test_report_attempt_check check (attempt >= 1)
);

create index test_report_by_version on test_report (version, suite, arch, vendor);

-- One decision per identity and release.
create table approval (
    id          bigserial    primary key,
    version     varchar(64)  not null references release (version),
    identity    varchar(255) not null,
    roles       varchar(500) not null,
    decision    varchar(16)  not null,
    comment     varchar(2000),
    at          timestamp with time zone not null,
    constraint approval_identity_key unique (version, identity),
    constraint approval_decision_check check (decision in ('approve', 'reject'))
);

-- Every change of a channel's pointers (publish, rollback, withdraw) per arch; the board is derived from it.
create table channel_history (
    id               bigserial    primary key,
    channel          varchar(16)  not null,
    action           varchar(16)  not null,
    arch             varchar(64)  not null,
    version          varchar(64)  not null references release (version),
    current_version  varchar(64),
    actor            varchar(255) not null,
    reason           varchar(2000) not null,
    at               timestamp with time zone not null,
    constraint channel_history_action_check check (action in ('publish', 'rollback', 'withdraw'))
);

create index channel_history_by_channel on channel_history (channel, id);

-- One row per channel, locked while its board changes, so that two publications of a channel serialize.
create table channel_lock (
    channel  varchar(16) primary key
);

insert into channel_lock (channel) values ('alpha'), ('beta'), ('stable'), ('lts');
