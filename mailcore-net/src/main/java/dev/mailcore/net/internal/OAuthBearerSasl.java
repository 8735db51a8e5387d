/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.net.SaslServer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * OAUTHBEARER (RFC 7628) and its older cousin XOAUTH2: the client sends an OAuth 2.0 bearer token, the directory says
 * whose it is. A refused token gets the error challenge both mechanisms define; the client's reply to it ends the
 * exchange with a failure.
 */
public final class OAuthBearerSasl implements SaslServer {
    private static final String ERROR = "{\"status\":\"invalid_token\",\"schemes\":\"bearer\"}";

    private final Directory directory;
    private final boolean xoauth2;
    private boolean failed;

    /** @param xoauth2 true for XOAUTH2's message format, false for OAUTHBEARER's */
    public OAuthBearerSasl(Directory directory, boolean xoauth2) {
        this.directory = directory;
        this.xoauth2 = xoauth2;
    }

    @Override
    public String mechanism() {
        return xoauth2 ? "XOAUTH2" : "OAUTHBEARER";
    }

    @Override
    public Step evaluate(byte[] response) {
        if (failed) {
            return new Step.Failure("invalid token");
        }
        if (response.length == 0) {
            return new Step.Failure("the token must be sent as the initial response");
        }
        String message = new String(response, StandardCharsets.UTF_8);
        String user;
        String fields;
        if (xoauth2) {
            user = null;
            fields = message;
        } else {
            // gs2-header "n,a=user," (or "n,,") then the key-value pairs.
            String[] gs2 = message.split(",", 3);
            if (gs2.length < 3 || !(gs2[0].equals("n") || gs2[0].equals("y"))) {
                return new Step.Failure("malformed OAUTHBEARER message");
            }
            user = gs2[1].startsWith("a=") ? gs2[1].substring(2) : null;
            fields = gs2[2];
        }
        String token = null;
        for (String field : fields.split("\u0001")) {
            if (xoauth2 && field.startsWith("user=")) {
                user = field.substring(5);
            } else if (field.regionMatches(true, 0, "auth=Bearer ", 0, 12)) {
                token = field.substring(12).strip();
            }
        }
        if (token == null || token.isEmpty()) {
            return new Step.Failure("no bearer token");
        }
        Optional<Account> account = directory.verifyToken(token);
        if (account.isPresent() && (user == null || user.isEmpty() || names(account.get(), user))) {
            return new Step.Success(account.get());
        }
        failed = true;
        return new Step.Challenge(ERROR.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the user the client named is the token's account. */
    private static boolean names(Account account, String user) {
        return account.login().equalsIgnoreCase(user)
                || account.addresses().stream().anyMatch(address -> address.equalsIgnoreCase(user));
    }
}
