-- An optional expiry per bearer token: milliseconds since the epoch from which the token is refused, NULL for a
-- token that does not expire. The index serves the removal of expired tokens.
-- Statements end with a semicolon at the end of a line.

ALTER TABLE mc_dir_token ADD COLUMN expires_at BIGINT;
CREATE INDEX mc_dir_token_expires_ix ON mc_dir_token (expires_at);
