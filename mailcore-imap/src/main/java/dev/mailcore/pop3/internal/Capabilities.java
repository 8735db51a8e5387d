/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

import dev.mailcore.net.SaslMechanisms;
import java.util.ArrayList;
import java.util.List;

/**
 * The CAPA list (RFC 2449), built from what the session can do now: the ways to log in are listed only in the
 * AUTHORIZATION state and only while passwords may be sent; STLS only while the connection can upgrade.
 */
final class Capabilities {
    private Capabilities() {}

    static List<String> of(Pop3Config config, boolean authorization, boolean passwordsAllowed, boolean canStartTls) {
        List<String> capabilities = new ArrayList<>();
        capabilities.add("TOP");
        capabilities.add("UIDL");
        if (authorization && passwordsAllowed) {
            capabilities.add("USER");
            capabilities.add("SASL " + String.join(" ", SaslMechanisms.names(config.directory())));
        }
        capabilities.add("RESP-CODES");
        capabilities.add("AUTH-RESP-CODE");
        capabilities.add("PIPELINING");
        if (authorization && canStartTls) {
            capabilities.add("STLS");
        }
        if (config.expire() != null) {
            long days = config.expire().toDays();
            capabilities.add("EXPIRE " + (days == 0 && !config.expire().isZero() ? 1 : days));
        }
        if (config.loginDelay() != null) {
            capabilities.add("LOGIN-DELAY " + Math.max(1, config.loginDelay().toSeconds()));
        }
        capabilities.add("IMPLEMENTATION Mailcore");
        return capabilities;
    }
}
