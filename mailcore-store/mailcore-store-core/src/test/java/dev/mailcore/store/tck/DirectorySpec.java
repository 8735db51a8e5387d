/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link DirectoryContract} asks a directory to hold. An adapter turns it into its own configuration.
 *
 * @param domains local domains; the first is where bare logins get their address ({@code bob} is
 *     {@code bob@<first domain>})
 * @param users login (a full address or a bare login) to password, in order
 * @param aliases alias address to the address of the user it delivers to
 * @param catchAlls domain to the address of the user that gets mail for unknown addresses there
 */
public record DirectorySpec(
        List<String> domains, Map<String, String> users, Map<String, String> aliases, Map<String, String> catchAlls) {
    public DirectorySpec {
        domains = List.copyOf(domains);
        users = unmodifiableCopy(users);
        aliases = unmodifiableCopy(aliases);
        catchAlls = unmodifiableCopy(catchAlls);
    }

    private static Map<String, String> unmodifiableCopy(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
