/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import dev.mailcore.api.spi.Directory;
import dev.mailcore.net.SaslServer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The obsolete but widely used LOGIN mechanism: user name and password, each after its own challenge. */
public final class LoginSasl implements SaslServer {
    private static final byte[] USERNAME = "Username:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PASSWORD = "Password:".getBytes(StandardCharsets.US_ASCII);

    private final Directory directory;
    private int step;
    private String login;

    public LoginSasl(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String mechanism() {
        return "LOGIN";
    }

    @Override
    public Step evaluate(byte[] response) {
        switch (step++) {
            case 0 -> {
                if (response.length == 0) {
                    return new Step.Challenge(USERNAME);
                }
                login = new String(response, StandardCharsets.UTF_8);
                step++;
                return new Step.Challenge(PASSWORD);
            }
            case 1 -> {
                login = new String(response, StandardCharsets.UTF_8);
                return new Step.Challenge(PASSWORD);
            }
            default -> {
                char[] password = StandardCharsets.UTF_8
                        .decode(java.nio.ByteBuffer.wrap(response))
                        .array();
                try {
                    return Credentials.check(directory, login, password);
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
        }
    }
}
