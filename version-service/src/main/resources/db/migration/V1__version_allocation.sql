-- Every version Kiln handed out. A version and its tag are unique forever: rows are never deleted, except a
-- pending reservation whose tag was provably never pushed; a deleted dev tag keeps its row (status deleted).
create table version_allocation (
    id               bigserial    primary key,
    tag              varchar(255) not null,
    version          varchar(255) not null,
    version_id       varchar(40)  not null,
    build_id         varchar(128),
    sdk_version      varchar(255) not null,
    update_group     varchar(16)  not null,
    channel          varchar(16)  not null,
    kind             varchar(16)  not null,
    base_branch      varchar(255) not null,
    branch           varchar(255),
    create_branch    boolean      not null,
    official         boolean      not null,
    status           varchar(16)  not null,
    commit_id        varchar(64),
    idempotency_key  varchar(256),
    request_hash     varchar(64)  not null,
    requested_by     varchar(128),
    created_at       timestamp with time zone not null,
    tagged_at        timestamp with time zone,
    deleted_at       timestamp with time zone,
    delete_reason    varchar(500),
    constraint version_allocation_tag_key unique (tag),
    constraint version_allocation_version_key unique (version),
    constraint version_allocation_idempotency_key_key unique (idempotency_key),
    constraint version_allocation_status_check check (status in ('pending', 'tagged', 'deleted')),
    constraint version_allocation_kind_check check (kind in ('nightly', 'alpha', 'promotion', 'patch', 'dev')),
    constraint version_allocation_commit_check check (status = 'pending' or commit_id is not null)
);

create index version_allocation_newest on version_allocation (created_at desc, id desc);
create index version_allocation_pending on version_allocation (created_at) where status = 'pending';
