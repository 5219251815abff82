create table note (id bigserial primary key, text varchar(200) not null);
create table seen_note (event_id varchar(64) primary key, path varchar(512) not null);
