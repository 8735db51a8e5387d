/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.AccountId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/** The directory's rules for names: everything trimmed and lowercase, and what an address and a domain are. */
public final class DirectoryNames {
    private DirectoryNames() {}

    public static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** {@code address} (normalized) when it has a non-empty local part and domain. */
    public static String requireAddress(String address) {
        if (!isAddress(address)) {
            throw new IllegalArgumentException("not an address: " + address);
        }
        return address;
    }

    public static boolean isAddress(String address) {
        int at = address.lastIndexOf('@');
        return at > 0 && at < address.length() - 1;
    }

    /** The normalized domain, which must not be empty or hold an {@code @}. */
    public static String requireDomain(String domain) {
        String name = normalize(domain);
        if (name.isEmpty() || name.indexOf('@') >= 0) {
            throw new IllegalArgumentException("not a domain: " + domain);
        }
        return name;
    }

    public static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    /**
     * A new random account id: {@code "a"} and 16 random bytes in unpadded base64url (23 characters). Random, not
     * derived from the address, so an address given up and later given to someone else never leads to the mail
     * its previous owner left behind.
     */
    public static AccountId newAccountId(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return AccountId.of("a" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
