/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.spi.Directory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Directory}: authentication, logins, aliases, sub-addressing, catch-all and local domains
 * ({@link TokenIssuerContract} adds the bearer tokens of a directory that issues them).
 * An adapter's test extends this class and builds a directory holding a {@link DirectorySpec}:
 *
 * <pre>{@code
 * class MyDirectoryTest extends DirectoryContract {
 *     protected Directory newDirectory(DirectorySpec spec) { ... }
 * }
 * }</pre>
 */
public abstract class DirectoryContract {
    private static final String ALICE_PASSWORD = "alice-Secret-1";
    private static final String BOB_PASSWORD = "bob pw";
    private static final String CAROL_PASSWORD = "çarol-pässwörd-€";

    /** The directory the contract checks: alice and bob at example.com, carol at example.org. */
    protected static final DirectorySpec SPEC = new DirectorySpec(
            List.of("example.com", "example.org"),
            ordered("alice@example.com", ALICE_PASSWORD, "bob", BOB_PASSWORD, "carol@example.org", CAROL_PASSWORD),
            Map.of("sales@example.com", "alice@example.com"),
            Map.of("example.org", "carol@example.org"));

    protected Directory directory;

    /** A directory holding exactly what {@code spec} lists. */
    protected abstract Directory newDirectory(DirectorySpec spec);

    @BeforeEach
    void openDirectory() {
        directory = newDirectory(SPEC);
    }

    protected Account alice() {
        return directory.byLogin("alice@example.com").orElseThrow();
    }

    protected Account bob() {
        return directory.byLogin("bob").orElseThrow();
    }

    protected Account carol() {
        return directory.byLogin("carol@example.org").orElseThrow();
    }

    @Test
    void theRightPasswordAuthenticates() {
        Account alice = directory
                .authenticate("alice@example.com", ALICE_PASSWORD.toCharArray())
                .orElseThrow();
        assertThat(alice.primaryAddress()).isEqualTo("alice@example.com");
        assertThat(alice.addresses()).contains("alice@example.com");
        assertThat(directory.authenticate("carol@example.org", CAROL_PASSWORD.toCharArray()))
                .contains(carol());
    }

    @Test
    void aWrongPasswordDoesNotAuthenticate() {
        assertThat(directory.authenticate("alice@example.com", "alice-secret-1".toCharArray()))
                .isEmpty();
        assertThat(directory.authenticate("alice@example.com", BOB_PASSWORD.toCharArray()))
                .isEmpty();
        assertThat(directory.authenticate("alice@example.com", new char[0])).isEmpty();
        assertThat(directory.authenticate("alice@example.com", (ALICE_PASSWORD + "x").toCharArray()))
                .isEmpty();
    }

    @Test
    void anUnknownLoginDoesNotAuthenticate() {
        assertThat(directory.authenticate("mallory@example.com", ALICE_PASSWORD.toCharArray()))
                .isEmpty();
        assertThat(directory.authenticate("mallory", ALICE_PASSWORD.toCharArray()))
                .isEmpty();
        assertThat(directory.byLogin("mallory@example.com")).isEmpty();
    }

    @Test
    void loginsMatchCaseInsensitivelyButPasswordsDoNot() {
        assertThat(directory.authenticate("ALICE@Example.COM", ALICE_PASSWORD.toCharArray()))
                .contains(alice());
        assertThat(directory.authenticate("BoB", BOB_PASSWORD.toCharArray())).contains(bob());
        assertThat(directory.byLogin("Carol@EXAMPLE.org")).contains(carol());
        assertThat(directory.authenticate(
                        "alice@example.com",
                        ALICE_PASSWORD.toUpperCase(Locale.ROOT).toCharArray()))
                .isEmpty();
    }

    @Test
    void aBareLoginGetsAnAddressAtTheFirstDomain() {
        Account bob = bob();
        assertThat(bob.primaryAddress()).isEqualTo("bob@example.com");
        assertThat(directory.byLogin("bob@example.com")).contains(bob);
        assertThat(directory.authenticate("bob@example.com", BOB_PASSWORD.toCharArray()))
                .contains(bob);
        assertThat(directory.resolveRecipient("bob@example.com")).contains(bob.id());
    }

    @Test
    void accountsHaveDistinctIdsAndAreFoundById() {
        Set<AccountId> ids = Set.of(alice().id(), bob().id(), carol().id());
        assertThat(ids).hasSize(3);
        assertThat(directory.account(alice().id())).contains(alice());
        assertThat(directory.account(AccountId.of("no-such-account"))).isEmpty();
    }

    @Test
    void anAliasDeliversToItsUserAndIsOneOfItsAddresses() {
        assertThat(directory.resolveRecipient("sales@example.com")).contains(alice().id());
        assertThat(directory.resolveRecipient("SALES@example.COM")).contains(alice().id());
        assertThat(alice().addresses()).containsExactlyInAnyOrder("alice@example.com", "sales@example.com");
        assertThat(directory.byLogin("sales@example.com")).contains(alice());
    }

    @Test
    void recipientsResolveCaseInsensitively() {
        assertThat(directory.resolveRecipient("alice@example.com")).contains(alice().id());
        assertThat(directory.resolveRecipient("Alice@EXAMPLE.com")).contains(alice().id());
    }

    @Test
    void subAddressesDeliverToTheBaseAddress() {
        assertThat(directory.resolveRecipient("alice+news@example.com")).contains(alice().id());
        assertThat(directory.resolveRecipient("sales+web@example.com")).contains(alice().id());
        assertThat(directory.resolveRecipient("BOB+x+y@example.com")).contains(bob().id());
        assertThat(directory.resolveRecipient("nobody+tag@example.com")).isEmpty();
    }

    @Test
    void aCatchAllTakesUnknownAddressesOfItsDomainOnly() {
        assertThat(directory.resolveRecipient("anyone@example.org")).contains(carol().id());
        assertThat(directory.resolveRecipient("carol+tag@example.org")).contains(carol().id());
        assertThat(directory.resolveRecipient("nobody@example.com")).isEmpty();
    }

    @Test
    void otherDomainsAreNotLocalAndResolveNothing() {
        assertThat(directory.isLocalDomain("example.com")).isTrue();
        assertThat(directory.isLocalDomain("EXAMPLE.ORG")).isTrue();
        assertThat(directory.isLocalDomain("example.net")).isFalse();
        assertThat(directory.resolveRecipient("alice@example.net")).isEmpty();
        assertThat(directory.resolveRecipient("not an address")).isEmpty();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
