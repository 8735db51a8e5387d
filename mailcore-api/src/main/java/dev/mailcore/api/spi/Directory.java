/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import java.util.Optional;

/**
 * Who the users are: accounts, their logins and addresses, domains, and credentials.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Logins and addresses match case-insensitively.
 *   <li>{@link #authenticate} compares against a strong salted hash, never a plain or unsalted one, and takes about
 *       the same time whether the login exists or not.
 *   <li>All methods are safe from any number of threads and may block (a remote directory).
 * </ul>
 */
public interface Directory {
    Optional<Account> account(AccountId id);

    /** The account for a login name or one of its addresses. */
    Optional<Account> byLogin(String login);

    /** The account that credentials belong to, or empty when they do not match. */
    Optional<Account> authenticate(String login, char[] password);

    /**
     * The account mail to {@code address} is delivered to, through aliases, sub-addressing ({@code user+tag@}) and
     * catch-all addresses.
     */
    Optional<AccountId> resolveRecipient(String address);

    /** Whether mail for the domain is delivered here. */
    boolean isLocalDomain(String domain);

    /**
     * Whether this directory keeps {@link #scramCredentials SCRAM-SHA-256 credentials}; the servers offer
     * SCRAM-SHA-256 only when it does. Default false.
     */
    default boolean supportsScram() {
        return false;
    }

    /**
     * The SCRAM-SHA-256 credentials of a login (RFC 5802, RFC 7677), or empty when the login is unknown, the
     * directory keeps none, or the account has none yet. Default empty.
     */
    default Optional<ScramCredentials> scramCredentials(String login) {
        return Optional.empty();
    }

    /**
     * Whether this directory {@linkplain #verifyToken verifies OAuth 2.0 bearer tokens}; the servers offer
     * OAUTHBEARER and XOAUTH2 only when it does. Default false.
     */
    default boolean supportsTokens() {
        return false;
    }

    /**
     * The account an OAuth 2.0 bearer token (RFC 6750) was issued for, or empty when the token is unknown, expired or
     * revoked. Default empty.
     */
    default Optional<Account> verifyToken(String token) {
        return Optional.empty();
    }
}
