-- Access tokens (POST /tokens). Only the SHA-256 of a token is stored, as 64 lower-case
-- hex digits, never the token itself: whoever reads this table cannot sign in with what
-- is in it. A token is deleted with its user (ON DELETE CASCADE), by sign-out and by a
-- password change (the user's other tokens); the service ignores it after expires_at,
-- and a job deletes it some minutes later.

CREATE TABLE tokens (
    token_hash CHAR(64)                 NOT NULL,
    user_id    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tokens_pk PRIMARY KEY (token_hash),
    CONSTRAINT tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT tokens_expires_after_created_ck CHECK (expires_at > created_at)
);

-- A user's tokens, oldest first: serves the foreign key (cascade deletes), keeping the
-- newest few per user and revoking all but one on a password change.
CREATE INDEX tokens_user_id_created_at_idx ON tokens (user_id, created_at);

-- The clean-up job's scan for expired tokens.
CREATE INDEX tokens_expires_at_idx ON tokens (expires_at);
