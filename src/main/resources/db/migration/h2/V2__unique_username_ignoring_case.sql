-- H2 has no expression indexes: a generated lower-case copy carries the unique key.
ALTER TABLE users ADD COLUMN username_lower VARCHAR(50) GENERATED ALWAYS AS (LOWER(username));
ALTER TABLE users ADD CONSTRAINT users_username_lower_uq UNIQUE (username_lower);
