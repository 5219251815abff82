-- The index of visible objects: what a cache path holds, its digests, and who stored it when.
create table artifact (
    path          varchar(1024) primary key,
    area          varchar(255)  not null,
    version       varchar(255),
    arch          varchar(255),
    size          bigint        not null,
    md5           varchar(32)   not null,
    sha1          varchar(40)   not null,
    sha256        varchar(64)   not null,
    sha512        varchar(128)  not null,
    content_type  varchar(255)  not null,
    etag          varchar(255),
    generated     boolean       not null,
    created_at    timestamp with time zone not null,
    uploaded_by   varchar(255)  not null
);
create index artifact_by_version on artifact (version, area, arch, path);
create index artifact_by_area on artifact (area, arch, path);
-- prefix scans (directory times, garbage collection) with LIKE 'dir/%'
create index artifact_by_prefix on artifact (path varchar_pattern_ops);

-- Writes verified and about to be published; a row left behind by a crash is reconciled or dropped.
create table pending_write (
    write_id      varchar(36)   primary key,
    path          varchar(1024) not null,
    size          bigint        not null,
    md5           varchar(32)   not null,
    sha1          varchar(40)   not null,
    sha256        varchar(64)   not null,
    sha512        varchar(128)  not null,
    content_type  varchar(255)  not null,
    uploaded_by   varchar(255)  not null,
    created_at    timestamp with time zone not null
);
create index pending_write_by_age on pending_write (created_at);
