/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import dev.mailcore.api.spi.Directory;
import dev.mailcore.net.SaslServer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** SASL PLAIN (RFC 4616): one message {@code authzid NUL authcid NUL password}. */
public final class PlainSasl implements SaslServer {
    private final Directory directory;
    private boolean challenged;

    public PlainSasl(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String mechanism() {
        return "PLAIN";
    }

    @Override
    public Step evaluate(byte[] response) {
        if (response.length == 0 && !challenged) {
            challenged = true;
            return new Step.Challenge(new byte[0]);
        }
        int first = indexOf(response, 0);
        int second = first < 0 ? -1 : indexOf(response, first + 1);
        if (second < 0) {
            return new Step.Failure("malformed PLAIN response");
        }
        String authzid = new String(response, 0, first, StandardCharsets.UTF_8);
        String authcid = new String(response, first + 1, second - first - 1, StandardCharsets.UTF_8);
        char[] password = StandardCharsets.UTF_8
                .decode(java.nio.ByteBuffer.wrap(response, second + 1, response.length - second - 1))
                .array();
        try {
            if (!authzid.isEmpty() && !authzid.equals(authcid)) {
                return new Step.Failure("authorization identity not allowed");
            }
            return Credentials.check(directory, authcid, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
