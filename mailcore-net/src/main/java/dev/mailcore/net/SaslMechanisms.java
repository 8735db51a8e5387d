/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import dev.mailcore.api.spi.Directory;
import dev.mailcore.net.internal.LoginSasl;
import dev.mailcore.net.internal.OAuthBearerSasl;
import dev.mailcore.net.internal.PlainSasl;
import dev.mailcore.net.internal.ScramSha256Sasl;
import java.security.SecureRandom;
import java.util.ArrayList;
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

    /** The names of the mechanisms every directory supports (the password ones), in order of preference. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The names of the mechanisms this directory supports, in order of preference: SCRAM-SHA-256 when it
     * {@linkplain Directory#supportsScram keeps SCRAM credentials}, PLAIN and LOGIN, and OAUTHBEARER and XOAUTH2 when
     * it {@linkplain Directory#supportsTokens verifies tokens}.
     */
    public static List<String> names(Directory directory) {
        List<String> names = new ArrayList<>();
        if (directory.supportsScram()) {
            names.add("SCRAM-SHA-256");
        }
        names.addAll(NAMES);
        if (directory.supportsTokens()) {
            names.add("OAUTHBEARER");
            names.add("XOAUTH2");
        }
        return List.copyOf(names);
    }

    /**
     * A new exchange for the named mechanism (case-insensitive), or empty when it or the directory does not support
     * it.
     */
    public static Optional<SaslServer> create(String mechanism, Directory directory) {
        return switch (mechanism.toUpperCase(Locale.ROOT)) {
            case "PLAIN" -> Optional.of(new PlainSasl(directory));
            case "LOGIN" -> Optional.of(new LoginSasl(directory));
            case "SCRAM-SHA-256" ->
                directory.supportsScram()
                        ? Optional.of(new ScramSha256Sasl(directory, new SecureRandom()))
                        : Optional.empty();
            case "OAUTHBEARER" ->
                directory.supportsTokens() ? Optional.of(new OAuthBearerSasl(directory, false)) : Optional.empty();
            case "XOAUTH2" ->
                directory.supportsTokens() ? Optional.of(new OAuthBearerSasl(directory, true)) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
