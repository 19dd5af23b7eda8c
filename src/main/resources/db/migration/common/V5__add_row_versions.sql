-- A version per row, the source of the ETag of a user and of a task. Hibernate
-- sets it to 0 on insert and adds 1 in the same UPDATE that changes the row's
-- own fields; the default gives existing rows (and rows written outside the
-- service) a version too. A version only grows, so a negative one is a bug.
ALTER TABLE users ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_version_ck CHECK (version >= 0);

ALTER TABLE tasks ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE tasks ADD CONSTRAINT tasks_version_ck CHECK (version >= 0);
