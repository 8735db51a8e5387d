-- The directory: domains, accounts, their addresses and credentials. One schema for H2 and PostgreSQL.
-- Every name and address is stored lowercase, which is how lookups are case-insensitive.
-- Statements end with a semicolon at the end of a line.

-- One row that every directory change locks, so changes never interleave (they are rare and short).
CREATE TABLE mc_dir_lock (
    lock_id INTEGER NOT NULL,
    CONSTRAINT mc_dir_lock_pk PRIMARY KEY (lock_id)
);
INSERT INTO mc_dir_lock (lock_id) VALUES (1);

-- Local domains; the default one (at most one) is where bare logins get their address.
CREATE TABLE mc_dir_domain (
    domain_name VARCHAR(255) NOT NULL,
    is_default BOOLEAN NOT NULL,
    CONSTRAINT mc_dir_domain_pk PRIMARY KEY (domain_name)
);

-- Accounts: a bare login or the primary address as login; a NULL quota column means the directory's default.
CREATE TABLE mc_dir_account (
    account_id VARCHAR(255) NOT NULL,
    login_name VARCHAR(1000) NOT NULL,
    primary_address VARCHAR(1000) NOT NULL,
    quota_storage BIGINT,
    quota_messages BIGINT,
    CONSTRAINT mc_dir_account_pk PRIMARY KEY (account_id),
    CONSTRAINT mc_dir_account_login_uq UNIQUE (login_name),
    CONSTRAINT mc_dir_account_primary_uq UNIQUE (primary_address)
);

-- Password hashes as PHC strings ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
CREATE TABLE mc_dir_credential (
    account_id VARCHAR(255) NOT NULL,
    password_hash VARCHAR(1000) NOT NULL,
    CONSTRAINT mc_dir_credential_pk PRIMARY KEY (account_id),
    CONSTRAINT mc_dir_credential_account_fk FOREIGN KEY (account_id) REFERENCES mc_dir_account (account_id) ON DELETE CASCADE
);

-- Every address mail is delivered to: each account's primary address and its aliases.
CREATE TABLE mc_dir_address (
    address VARCHAR(1000) NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    CONSTRAINT mc_dir_address_pk PRIMARY KEY (address),
    CONSTRAINT mc_dir_address_account_fk FOREIGN KEY (account_id) REFERENCES mc_dir_account (account_id) ON DELETE CASCADE
);
CREATE INDEX mc_dir_address_account_ix ON mc_dir_address (account_id);

-- The account that gets mail for unknown addresses of a domain.
CREATE TABLE mc_dir_catch_all (
    domain_name VARCHAR(255) NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    CONSTRAINT mc_dir_catch_all_pk PRIMARY KEY (domain_name),
    CONSTRAINT mc_dir_catch_all_account_fk FOREIGN KEY (account_id) REFERENCES mc_dir_account (account_id) ON DELETE CASCADE
);
CREATE INDEX mc_dir_catch_all_account_ix ON mc_dir_catch_all (account_id);
