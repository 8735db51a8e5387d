/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.spi.Directory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** HTTP Basic authentication (RFC 7617) against the directory. */
public final class BasicAuthenticator {
    private final Directory directory;

    public BasicAuthenticator(Directory directory) {
        this.directory = directory;
    }

    /** The account the request's credentials belong to, or empty when they are missing or wrong. */
    public Optional<Account> authenticate(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String credentials = new String(decoded, StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        char[] password = credentials.substring(colon + 1).toCharArray();
        try {
            return directory.authenticate(credentials.substring(0, colon), password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
