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
import dev.mailcore.net.SaslExchange;
import dev.mailcore.net.SaslMechanisms;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** AUTHENTICATE (RFC 9051 §6.2.2) with SASL-IR (RFC 4959), over the shared {@link SaslExchange}. */
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
        SaslExchange sasl = session.saslExchange();
        SaslExchange.Result result = sasl.start(command.mechanism(), command.initialResponse());
        if (result instanceof SaslExchange.Result.Refused(SaslExchange.Reason reason)
                && reason == SaslExchange.Reason.UNKNOWN_MECHANISM) {
            return Completion.no("unsupported mechanism " + command.mechanism());
        }
        return answer(command.tag(), result, sasl, session);
    }

    private Completion answer(String tag, SaslExchange.Result result, SaslExchange sasl, ImapSession session) {
        return switch (result) {
            case SaslExchange.Result.Success success -> {
                session.authenticated(success.account().id());
                yield Completion.ok("[CAPABILITY " + session.capabilities() + "] authenticated");
            }
            case SaslExchange.Result.Refused refused ->
                switch (refused.reason()) {
                    case UNKNOWN_MECHANISM -> Completion.no("unsupported mechanism");
                    case CANCELLED -> Completion.bad("authentication cancelled");
                    case BAD_BASE64 -> Completion.bad("invalid base64");
                    // The exchange has paused already.
                    case FAILED -> Completion.no("[AUTHENTICATIONFAILED] invalid credentials");
                };
            case SaslExchange.Result.Challenge challenge -> {
                session.out().raw("+ ").raw(challenge.base64()).crlf();
                session.await(new ImapSession.Continuation() {
                    @Override
                    public void line(byte[] line) {
                        Completion next =
                                answer(tag, sasl.respond(new String(line, StandardCharsets.US_ASCII)), sasl, session);
                        if (next != null) {
                            session.complete(tag, next);
                        }
                    }

                    @Override
                    public void abandon() {
                        sasl.abandon();
                    }
                });
                yield null;
            }
        };
    }
}
