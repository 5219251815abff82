-- Every index write gets a number from one sequence (on insert and on overwrite), so that garbage collection
-- can tell rows written after it planned from rows it planned over, whatever the replicas' clocks say.
create sequence artifact_store_seq;
alter table artifact add column stored_seq bigint not null default nextval('artifact_store_seq');
create function artifact_restamp() returns trigger language plpgsql set search_path from current as $$
begin
    new.stored_seq := nextval('artifact_store_seq');
    return new;
end $$;
create trigger artifact_restamp before update on artifact for each row execute function artifact_restamp();

-- Uploads in progress, by path: a purge does not start on a directory an upload is writing into.
create table upload_lease (
    write_id    varchar(36)   primary key,
    path        varchar(1024) not null,
    started_at  timestamp with time zone not null
);
create index upload_lease_by_age on upload_lease (started_at);

-- Prefixes a run is purging right now: uploads below them are refused until the purge ends.
create table gc_purge (
    run_id      varchar(36)   not null references gc_run (id) on delete cascade,
    seq         integer       not null,
    prefix      varchar(1024) not null,
    primary key (run_id, seq, prefix)
);

alter table gc_run add column skipped integer not null default 0;
