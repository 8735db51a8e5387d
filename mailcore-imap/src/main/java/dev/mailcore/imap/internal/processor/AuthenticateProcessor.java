/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SessionState;
import dev.mailcore.net.SaslMechanisms;
import dev.mailcore.net.SaslServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** AUTHENTICATE (RFC 9051 §6.2.2) with SASL-IR (RFC 4959), over the mechanisms of mailcore-net. */
public final class AuthenticateProcessor implements Processor<Command.Authenticate> {
    @Override
    public Class<Command.Authenticate> type() {
        return Command.Authenticate.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.NOT_AUTHENTICATED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        if (!session.plaintextAuthAllowed()) {
            return List.of();
        }
        List<String> capabilities = new ArrayList<>();
        for (String name : SaslMechanisms.names(session.config().directory())) {
            capabilities.add("AUTH=" + name);
        }
        capabilities.add("SASL-IR");
        return capabilities;
    }

    @Override
    public Completion process(Command.Authenticate command, ImapSession session) {
        if (!session.plaintextAuthAllowed()) {
            return Completion.no("[PRIVACYREQUIRED] authentication is disabled before STARTTLS");
        }
        SaslServer sasl = SaslMechanisms.create(
                        command.mechanism(), session.config().directory())
                .orElse(null);
        if (sasl == null) {
            return Completion.no("unsupported mechanism " + command.mechanism());
        }
        byte[] initial;
        if (command.initialResponse() == null || command.initialResponse().equals("=")) {
            initial = new byte[0];
        } else {
            initial = decode(command.initialResponse());
            if (initial == null) {
                return Completion.bad("invalid base64");
            }
        }
        return step(command.tag(), sasl, sasl.evaluate(initial), session);
    }

    private Completion step(String tag, SaslServer sasl, SaslServer.Step step, ImapSession session) {
        return switch (step) {
            case SaslServer.Step.Success success -> {
                session.authenticated(success.account().id());
                yield Completion.ok("[CAPABILITY " + session.capabilities() + "] authenticated");
            }
            case SaslServer.Step.Failure failure -> {
                session.authenticationFailed();
                yield Completion.no("[AUTHENTICATIONFAILED] " + failure.reason());
            }
            case SaslServer.Step.Challenge challenge -> {
                session.out()
                        .raw("+ ")
                        .raw(Base64.getEncoder().encodeToString(challenge.data()))
                        .crlf();
                session.await(line -> {
                    String text = new String(line, StandardCharsets.US_ASCII);
                    Completion next;
                    if (text.equals("*")) {
                        next = Completion.bad("authentication cancelled");
                    } else {
                        byte[] response = decode(text);
                        next = response == null
                                ? Completion.bad("invalid base64")
                                : step(tag, sasl, sasl.evaluate(response), session);
                    }
                    if (next != null) {
                        session.complete(tag, next);
                    }
                });
                yield null;
            }
        };
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
