/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import dev.mailcore.api.spi.Directory;
import dev.mailcore.net.SaslServer;

/** Checks a login and password against the directory and turns the outcome into a SASL step. */
final class Credentials {
    private Credentials() {}

    static SaslServer.Step check(Directory directory, String login, char[] password) {
        if (login == null || login.isEmpty()) {
            return new SaslServer.Step.Failure("empty login");
        }
        return directory
                .authenticate(login, password)
                .<SaslServer.Step>map(SaslServer.Step.Success::new)
                .orElseGet(() -> new SaslServer.Step.Failure("invalid credentials"));
    }
}
