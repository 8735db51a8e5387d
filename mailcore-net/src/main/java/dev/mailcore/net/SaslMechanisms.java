/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import dev.mailcore.api.spi.Directory;
import dev.mailcore.net.internal.LoginSasl;
import dev.mailcore.net.internal.PlainSasl;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SASL mechanisms the servers offer, checked against a {@link Directory}.
 *
 * <pre>{@code
 * SaslServer sasl = SaslMechanisms.create("PLAIN", directory).orElseThrow();
 * SaslServer.Step step = sasl.evaluate(initialResponse);
 * }</pre>
 */
public final class SaslMechanisms {
    private static final List<String> NAMES = List.of("PLAIN", "LOGIN");

    private SaslMechanisms() {}

    /** The names of the supported mechanisms, in order of preference. */
    public static List<String> names() {
        return NAMES;
    }

    /** A new exchange for the named mechanism (case-insensitive), or empty when it is not supported. */
    public static Optional<SaslServer> create(String mechanism, Directory directory) {
        return switch (mechanism.toUpperCase(Locale.ROOT)) {
            case "PLAIN" -> Optional.of(new PlainSasl(directory));
            case "LOGIN" -> Optional.of(new LoginSasl(directory));
            default -> Optional.empty();
        };
    }
}
