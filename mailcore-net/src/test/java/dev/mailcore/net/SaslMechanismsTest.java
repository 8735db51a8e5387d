/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.Quota;
import dev.mailcore.api.spi.Directory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SaslMechanismsTest {
    private static final Account ALICE =
            new Account(AccountId.of("alice"), "alice@example.com", "alice@example.com", Set.of(), Quota.UNLIMITED);

    /** Knows one user, alice@example.com with password "secret". */
    private static final Directory DIRECTORY = new Directory() {
        @Override
        public Optional<Account> account(AccountId id) {
            return Optional.empty();
        }

        @Override
        public Optional<Account> byLogin(String login) {
            return Optional.empty();
        }

        @Override
        public Optional<Account> authenticate(String login, char[] password) {
            return login.equals("alice@example.com") && Arrays.equals(password, "secret".toCharArray())
                    ? Optional.of(ALICE)
                    : Optional.empty();
        }

        @Override
        public Optional<AccountId> resolveRecipient(String address) {
            return Optional.empty();
        }

        @Override
        public boolean isLocalDomain(String domain) {
            return false;
        }
    };

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainAcceptsTheRightPassword() {
        SaslServer sasl = SaslMechanisms.create("plain", DIRECTORY).orElseThrow();

        assertThat(sasl.evaluate(utf8("\0alice@example.com\0secret"))).isEqualTo(new SaslServer.Step.Success(ALICE));
    }

    @Test
    void plainChallengesWithoutAnInitialResponseAndRefusesAWrongPassword() {
        SaslServer sasl = SaslMechanisms.create("PLAIN", DIRECTORY).orElseThrow();

        assertThat(sasl.evaluate(new byte[0])).isInstanceOf(SaslServer.Step.Challenge.class);
        assertThat(sasl.evaluate(utf8("\0alice@example.com\0wrong"))).isInstanceOf(SaslServer.Step.Failure.class);
    }

    @Test
    void plainRefusesAnotherAuthorizationIdentity() {
        SaslServer sasl = SaslMechanisms.create("PLAIN", DIRECTORY).orElseThrow();

        assertThat(sasl.evaluate(utf8("bob@example.com\0alice@example.com\0secret")))
                .isInstanceOf(SaslServer.Step.Failure.class);
    }

    @Test
    void loginAsksForUserNameThenPassword() {
        SaslServer sasl = SaslMechanisms.create("LOGIN", DIRECTORY).orElseThrow();

        SaslServer.Step first = sasl.evaluate(new byte[0]);
        SaslServer.Step second = sasl.evaluate(utf8("alice@example.com"));
        SaslServer.Step third = sasl.evaluate(utf8("secret"));

        assertThat(new String(((SaslServer.Step.Challenge) first).data(), StandardCharsets.US_ASCII))
                .isEqualTo("Username:");
        assertThat(new String(((SaslServer.Step.Challenge) second).data(), StandardCharsets.US_ASCII))
                .isEqualTo("Password:");
        assertThat(third).isEqualTo(new SaslServer.Step.Success(ALICE));
    }

    @Test
    void unknownMechanismsAreNotOffered() {
        assertThat(SaslMechanisms.create("CRAM-MD5", DIRECTORY)).isEmpty();
        assertThat(SaslMechanisms.names()).containsExactly("PLAIN", "LOGIN");
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        AuthBackoff backoff = new AuthBackoff(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(4));

        assertThat(backoff.failed()).hasSeconds(1);
        assertThat(backoff.failed()).hasSeconds(2);
        assertThat(backoff.failed()).hasSeconds(4);
        assertThat(backoff.failed()).hasSeconds(4);
        backoff.reset();
        assertThat(backoff.failed()).hasSeconds(1);
    }
}
