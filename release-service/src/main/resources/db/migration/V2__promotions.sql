-- Release requests (POST /api/v1/promotions) and their audited states. The state and reason columns repeat the last
-- history entry so that lists can filter on them; both are written in the same transaction.
create table promotion_request (
    id              varchar(32)   primary key,
    type            varchar(16)   not null,
    channel         varchar(16)   not null,
    -- the lane is (channel, lane_major); null for new majors, which share the alpha lane
    lane_major      integer,
    source_version  varchar(64),
    arches          varchar(500)  not null,
    vendors         varchar(1000) not null,
    requested_by    varchar(255)  not null,
    state           varchar(24)   not null,
    reason          varchar(2000) not null,
    tag             varchar(128),
    build_id        varchar(128),
    build_result    varchar(16),
    build_reason    varchar(2000),
    build_stopped   boolean       not null default false,
    queued_behind   varchar(32),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint promotion_request_type_check check (type in ('new-major', 'promotion', 'patch')),
    constraint promotion_request_channel_check check (channel in ('alpha', 'beta', 'stable', 'lts')),
    constraint promotion_request_state_check check (state in ('queued', 'versioning', 'building', 'testing',
        'awaiting-approval', 'published', 'failed', 'cancelled')),
    constraint promotion_request_build_result_check check (build_result in ('succeeded', 'failed', 'cancelled')),
    constraint promotion_request_build_key unique (build_id)
);

create index promotion_request_newest on promotion_request (created_at desc, id desc);
create index promotion_request_lane on promotion_request (channel, lane_major, state);

create table promotion_history (
    id          bigserial     primary key,
    request_id  varchar(32)   not null references promotion_request (id),
    seq         integer       not null,
    state       varchar(24)   not null,
    actor       varchar(255)  not null,
    reason      varchar(2000) not null,
    at          timestamp with time zone not null,
    constraint promotion_history_seq_key unique (request_id, seq)
);

-- One row per lane, locked while a request is added to it, so that two requests of a lane arriving together see
-- each other (one proceeds, the other queues).
create table promotion_lane (
    lane  varchar(64) primary key
);
