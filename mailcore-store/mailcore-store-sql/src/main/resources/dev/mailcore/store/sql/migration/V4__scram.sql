-- SCRAM-SHA-256 credentials (RFC 5802, RFC 7677) next to the Argon2id hash, written whenever a password is set:
-- "iterations$salt$storedKey$serverKey", the last three base64. NULL for passwords set before this version, whose
-- users authenticate with the password mechanisms until their password is set again.
ALTER TABLE mc_dir_credential ADD COLUMN scram_sha256 VARCHAR(1000);
