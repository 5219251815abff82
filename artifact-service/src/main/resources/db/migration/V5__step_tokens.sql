-- Step tokens: build-runner asks for one per build; it may only PUT under its prefixes until expires_at or
-- revoked_at. Only the SHA-256 of the token is kept; the token itself is shown once, to build-runner.
create table step_token (
    id            varchar(36)  primary key,
    build_id      varchar(64)  not null,
    token_sha256  char(64)     not null unique,
    -- cache directories, each ending with '/', one per line (a cache path never holds a control character)
    prefixes      text         not null,
    issued_by     varchar(255) not null,
    issued_at     timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    revoked_at    timestamp with time zone
);

create index step_token_build on step_token (build_id);
create index step_token_live on step_token (expires_at) where revoked_at is null;
