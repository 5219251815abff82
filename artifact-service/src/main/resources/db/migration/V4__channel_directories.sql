-- Releases copied from images/<arch>/<version>/ into <channel>/<arch>-usr/<version>/; garbage collection keeps
-- the images/ directory of every row.
create table channel_copy (
    channel    varchar(16)  not null,
    arch       varchar(16)  not null,
    version    varchar(64)  not null,
    copied_by  varchar(255) not null,
    copied_at  timestamp with time zone not null,
    primary key (channel, arch, version)
);

-- current and current-<YEAR> of each channel board: a read of <channel>/<arch>-usr/<name>/ resolves the row once.
create table channel_pointer (
    channel   varchar(16)  not null,
    arch      varchar(16)  not null,
    name      varchar(32)  not null,
    version   varchar(64)  not null,
    moved_by  varchar(255) not null,
    moved_at  timestamp with time zone not null,
    primary key (channel, arch, name)
);

-- Withdrawn releases: every read under <channel>/<arch>-usr/<version>/ answers 410; the objects stay for audit.
create table channel_withdrawal (
    channel       varchar(16)  not null,
    arch          varchar(16)  not null,
    version       varchar(64)  not null,
    reason        text         not null,
    withdrawn_by  varchar(255) not null,
    withdrawn_at  timestamp with time zone not null,
    primary key (channel, arch, version)
);
