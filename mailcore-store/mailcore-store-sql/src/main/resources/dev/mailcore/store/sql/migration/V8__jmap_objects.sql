-- Per-account objects beside the mail (JMAP identities, email submissions, the vacation response): an opaque body
-- per (account, type, id) and a state counter per (account, type). Destroyed objects stay as tombstones so changes
-- since an old state can name them. Statements end with a semicolon at the end of a line.

CREATE TABLE mc_object_state (
    account_id VARCHAR(255) NOT NULL,
    object_type VARCHAR(64) NOT NULL,
    state BIGINT NOT NULL,
    CONSTRAINT mc_object_state_pk PRIMARY KEY (account_id, object_type)
);

CREATE TABLE mc_object (
    account_id VARCHAR(255) NOT NULL,
    object_type VARCHAR(64) NOT NULL,
    object_id VARCHAR(255) NOT NULL,
    body VARCHAR NOT NULL,
    created_state BIGINT NOT NULL,
    changed_state BIGINT NOT NULL,
    destroyed BOOLEAN NOT NULL,
    CONSTRAINT mc_object_pk PRIMARY KEY (account_id, object_type, object_id)
);
