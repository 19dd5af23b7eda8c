-- Usernames are ASCII, so lower() is an exact case fold.
CREATE UNIQUE INDEX users_username_lower_uq ON users (lower(username));
