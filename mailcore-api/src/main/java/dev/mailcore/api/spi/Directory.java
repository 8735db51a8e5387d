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
}
