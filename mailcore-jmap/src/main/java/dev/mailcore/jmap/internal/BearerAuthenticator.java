/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.spi.Directory;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * OAuth 2.0 bearer tokens and API tokens (RFC 6750 §2.1) checked by the directory, the same tokens OAUTHBEARER takes
 * in IMAP and SMTP. Offered only when the directory {@linkplain Directory#supportsTokens verifies tokens}.
 */
public final class BearerAuthenticator {
    private static final String SCHEME = "Bearer";
    /** RFC 6750 b64token syntax: anything else cannot be a token the directory issued. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final Directory directory;

    public BearerAuthenticator(Directory directory) {
        this.directory = directory;
    }

    public boolean enabled() {
        return directory.supportsTokens();
    }

    /** Whether the request tries a bearer token at all, right or wrong. */
    public static boolean presented(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return header != null
                && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (header.length() == SCHEME.length() || header.charAt(SCHEME.length()) == ' ');
    }

    /** The account the request's token was issued for, or empty when there is none or it is unknown or revoked. */
    public Optional<Account> authenticate(Request request) {
        if (!enabled() || !presented(request)) {
            return Optional.empty();
        }
        String token = request.getHeaders()
                .get(HttpHeader.AUTHORIZATION)
                .substring(SCHEME.length())
                .trim();
        if (!B64TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return directory.verifyToken(token);
    }
}
