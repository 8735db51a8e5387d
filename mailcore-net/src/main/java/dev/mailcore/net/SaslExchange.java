/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import dev.mailcore.api.Account;
import dev.mailcore.api.spi.Directory;
import java.util.Base64;
import java.util.Optional;

/**
 * One connection's SASL exchange as the line protocols carry it (SMTP AUTH, RFC 4954; POP3 AUTH, RFC 5034): base64
 * challenges and responses, {@code =} for an empty initial response, {@code *} to cancel, and the connection's
 * {@link AuthBackoff} pause before a refusal of bad credentials. Each protocol words the results its own way. Not
 * thread-safe: the session's thread drives it.
 *
 * <pre>{@code
 * SaslExchange sasl = new SaslExchange(directory, AuthBackoff.doubling(authBackoff));
 * switch (sasl.start("PLAIN", initialResponse)) {
 *     case SaslExchange.Result.Challenge c -> send("334 " + c.base64());
 *     case SaslExchange.Result.Success s -> login(s.account());
 *     case SaslExchange.Result.Refused r -> refuse(r.reason());
 * }
 * }</pre>
 */
public final class SaslExchange {
    /** What the server answers one step. */
    public sealed interface Result {
        /** Send this base64 challenge; the client's next line goes to {@link #respond}. */
        record Challenge(String base64) implements Result {}

        /** Authenticated. */
        record Success(Account account) implements Result {}

        /** The exchange is over without a login. */
        record Refused(Reason reason) implements Result {}
    }

    /** Why an exchange ended without a login. */
    public enum Reason {
        /** The mechanism is unknown, or the directory does not support it. */
        UNKNOWN_MECHANISM,
        /** The client sent {@code *}. */
        CANCELLED,
        /** A response was not base64. */
        BAD_BASE64,
        /** The credentials were wrong; the back-off pause has passed. */
        FAILED
    }

    private final Directory directory;
    private final AuthBackoff backoff;
    private SaslServer sasl;

    public SaslExchange(Directory directory, AuthBackoff backoff) {
        this.directory = directory;
        this.backoff = backoff;
    }

    /** Whether the next line is a response to a challenge rather than a command. */
    public boolean inProgress() {
        return sasl != null;
    }

    /** Forgets an exchange in progress (after STARTTLS, for instance). */
    public void abandon() {
        sasl = null;
    }

    /** Starts an exchange; {@code initialResponse} is the base64 text after the mechanism, or null for none. */
    public Result start(String mechanism, String initialResponse) {
        Optional<SaslServer> server = SaslMechanisms.create(mechanism, directory);
        if (server.isEmpty()) {
            return new Result.Refused(Reason.UNKNOWN_MECHANISM);
        }
        sasl = server.get();
        return initialResponse == null ? step(new byte[0]) : respond(initialResponse);
    }

    /** Takes the client's line: base64, {@code =} for empty, or {@code *} to cancel. */
    public Result respond(String line) {
        if (line.equals("*")) {
            sasl = null;
            return new Result.Refused(Reason.CANCELLED);
        }
        byte[] response;
        try {
            response = line.equals("=") ? new byte[0] : Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            sasl = null;
            return new Result.Refused(Reason.BAD_BASE64);
        }
        return step(response);
    }

    private Result step(byte[] response) {
        return switch (sasl.evaluate(response)) {
            case SaslServer.Step.Challenge challenge ->
                new Result.Challenge(Base64.getEncoder().encodeToString(challenge.data()));
            case SaslServer.Step.Success success -> {
                sasl = null;
                backoff.reset();
                yield new Result.Success(success.account());
            }
            case SaslServer.Step.Failure failure -> {
                sasl = null;
                pause();
                yield new Result.Refused(Reason.FAILED);
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
}
