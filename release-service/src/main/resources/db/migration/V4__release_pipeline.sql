-- The pipeline a release was built with, for its manifest: name, sha256 of the definition build-runner ran, params.
-- Null for releases created from build.succeeded events that did not carry them.
alter table release add column pipeline varchar(200);
alter table release add column pipeline_digest varchar(64);
alter table release add column params jsonb;
