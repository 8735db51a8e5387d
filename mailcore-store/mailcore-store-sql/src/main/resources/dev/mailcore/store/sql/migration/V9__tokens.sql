-- Bearer tokens (API keys) of directory accounts. Only the SHA-256 of a token is kept (lowercase hex), never the
-- token; token_id is a random public name to list and revoke it by. created_at is milliseconds since the epoch.
-- Statements end with a semicolon at the end of a line.

CREATE TABLE mc_dir_token (
    token_hash VARCHAR(64) NOT NULL,
    token_id VARCHAR(64) NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT mc_dir_token_pk PRIMARY KEY (token_hash),
    CONSTRAINT mc_dir_token_id_uq UNIQUE (token_id),
    CONSTRAINT mc_dir_token_account_fk FOREIGN KEY (account_id) REFERENCES mc_dir_account (account_id) ON DELETE CASCADE
);
CREATE INDEX mc_dir_token_account_ix ON mc_dir_token (account_id);
