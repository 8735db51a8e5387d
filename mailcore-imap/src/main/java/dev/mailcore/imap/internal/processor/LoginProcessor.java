/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.Account;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SessionState;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** LOGIN: user name and password against the directory, refused before TLS unless plaintext is allowed. */
public final class LoginProcessor implements Processor<Command.Login> {
    @Override
    public Class<Command.Login> type() {
        return Command.Login.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.NOT_AUTHENTICATED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return session.plaintextAuthAllowed() ? List.of() : List.of("LOGINDISABLED");
    }

    @Override
    public Completion process(Command.Login command, ImapSession session) {
        if (!session.plaintextAuthAllowed()) {
            return Completion.no("[PRIVACYREQUIRED] LOGIN is disabled before STARTTLS");
        }
        Optional<Account> account = session.config()
                .directory()
                .authenticate(command.user(), command.password().toCharArray());
        if (account.isEmpty()) {
            session.authenticationFailed();
            return Completion.no("[AUTHENTICATIONFAILED] invalid credentials");
        }
        session.authenticated(account.get().id());
        return Completion.ok("[CAPABILITY " + session.capabilities() + "] LOGIN completed");
    }
}
