-- Failed sign-ins in a row per username, shared by every instance (the throttle of
-- POST /tokens). username_key is the username in lower case, whether or not such a user
-- exists; a name longer than any username is stored as 'sha256:' and its hex hash. A
-- successful sign-in deletes the row; a job deletes rows whose last failure is a day old.

CREATE TABLE sign_in_failures (
    username_key    VARCHAR(80)              NOT NULL,
    failures        INTEGER                  NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sign_in_failures_pk PRIMARY KEY (username_key),
    CONSTRAINT sign_in_failures_failures_ck CHECK (failures > 0)
);

-- The clean-up job's scan for forgotten failures.
CREATE INDEX sign_in_failures_last_failure_at_idx ON sign_in_failures (last_failure_at);
