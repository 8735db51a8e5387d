/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.net.AuthBackoff;
import dev.mailcore.net.SaslMechanisms;
import dev.mailcore.net.SaslServer;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The AUTH command's exchange (RFC 4954) on one connection: base64 challenges as 334 replies, {@code *} to cancel,
 * and a delay after each failure that doubles. Not thread-safe: the session's thread drives it.
 */
final class SaslExchange {
    /** What to answer, and the account when the exchange succeeded. */
    record Outcome(Reply reply, Optional<Account> account) {}

    private final Directory directory;
    private final AuthBackoff backoff;
    private SaslServer sasl;

    SaslExchange(Directory directory, AuthBackoff backoff) {
        this.directory = directory;
        this.backoff = backoff;
    }

    /** Whether the next line is a response to a challenge rather than a command. */
    boolean inProgress() {
        return sasl != null;
    }

    /** Starts an exchange; {@code initialResponse} is the base64 text after the mechanism, or null. */
    Outcome start(String mechanism, String initialResponse) {
        Optional<SaslServer> server = SaslMechanisms.create(mechanism, directory);
        if (server.isEmpty()) {
            return refused(Reply.of(504, "5.5.4", "Unknown mechanism " + mechanism));
        }
        sasl = server.get();
        return initialResponse == null ? step(new byte[0]) : respond(initialResponse);
    }

    /** Takes the client's line in answer to a challenge. */
    Outcome respond(String line) {
        if (line.equals("*")) {
            sasl = null;
            return refused(Reply.of(501, "5.0.0", "Authentication cancelled"));
        }
        byte[] response;
        try {
            response = line.equals("=") ? new byte[0] : Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            sasl = null;
            return refused(Reply.of(501, "5.5.2", "Bad base64"));
        }
        return step(response);
    }

    private Outcome step(byte[] response) {
        return switch (sasl.evaluate(response)) {
            case SaslServer.Step.Challenge challenge ->
                refused(new Reply(334, null, List.of(Base64.getEncoder().encodeToString(challenge.data()))));
            case SaslServer.Step.Success success -> {
                sasl = null;
                backoff.reset();
                yield new Outcome(Reply.of(235, "2.7.0", "Authenticated"), Optional.of(success.account()));
            }
            case SaslServer.Step.Failure failure -> {
                sasl = null;
                pause();
                yield refused(Reply.of(535, "5.7.8", "Authentication failed"));
            }
        };
    }

    private void pause() {
        try {
            Thread.sleep(backoff.failed());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Outcome refused(Reply reply) {
        return new Outcome(reply, Optional.empty());
    }
}
