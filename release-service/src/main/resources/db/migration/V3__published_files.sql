-- Channel operations that call artifact-service (publish, rollback, withdraw), recorded before the first call so that
-- a crash leaves a pending row the operation sweeper completes; one pending operation per channel at a time.
create table channel_operation (
    id           bigserial     primary key,
    channel      varchar(16)   not null,
    kind         varchar(16)   not null,
    version      varchar(64)   references release (version),
    arches       varchar(500)  not null default '',
    actor        varchar(255)  not null,
    reason       varchar(2000) not null,
    state        varchar(16)   not null,
    attempts     integer       not null default 0,
    last_error   varchar(2000),
    note         varchar(2000),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint channel_operation_kind_check check (kind in ('publish', 'rollback', 'withdraw')),
    constraint channel_operation_state_check check (state in ('pending', 'committed', 'done', 'abandoned'))
);

create unique index channel_operation_one_pending on channel_operation (channel) where state = 'pending';
create index channel_operation_unfinished on channel_operation (state, updated_at) where state in ('pending', 'committed');

-- What releases.json says of a release, stored when it is first published so that the feed is one query;
-- feed_entry is the release's value in releases.json, rendered once (it never changes), aggregated by the feed query.
create table published_release (
    version         varchar(64)   primary key references release (version),
    channel         varchar(16)   not null,
    arches          varchar(500)  not null,
    published_at    timestamp with time zone not null,
    major_software  varchar(4000) not null,
    release_notes   text          not null default '',
    feed_entry      text          not null
);

-- Per arch of a published release: the files copied into the channel (JSON [{name,size,sha256}]) and its image's
-- package list, for manifests and package changes.
create table published_arch (
    version   varchar(64) not null references release (version),
    arch      varchar(64) not null,
    files     text        not null,
    packages  text        not null,
    primary key (version, arch)
);

-- The year of each LTS stream (major), fixed when its first LTS release is published.
create table lts_stream (
    major  integer primary key,
    year   integer not null
);

-- Published releases whose gates were revoked after publishing.
create table release_risk (
    version  varchar(64)   primary key references release (version),
    reason   varchar(2000) not null,
    since    timestamp with time zone not null
);

-- Locked while the channel files are written, so that two writers cannot leave an older feed last.
create table channel_files_lock (
    id integer primary key
);

insert into channel_files_lock (id) values (1);
