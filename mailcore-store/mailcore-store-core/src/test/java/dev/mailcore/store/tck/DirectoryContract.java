/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.store.TokenInfo;
import dev.mailcore.store.TokenIssuer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Directory}: authentication, logins, aliases, sub-addressing, catch-all and local domains,
 * and for a {@link TokenIssuer} its bearer tokens.
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

    private Account alice() {
        return directory.byLogin("alice@example.com").orElseThrow();
    }

    private Account bob() {
        return directory.byLogin("bob").orElseThrow();
    }

    private Account carol() {
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

    private TokenIssuer issuer() {
        assumeTrue(directory instanceof TokenIssuer, "the directory issues no tokens");
        return (TokenIssuer) directory;
    }

    @Test
    void aCreatedTokenVerifiesAsItsAccount() {
        TokenIssuer issuer = issuer();
        String token = issuer.createToken("alice@example.com");
        String other = issuer.createToken("ALICE@example.com");
        assertThat(issuer.supportsTokens()).isTrue();
        assertThat(token).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(other);
        assertThat(issuer.verifyToken(token)).contains(alice());
        assertThat(issuer.verifyToken(other)).contains(alice());
        assertThat(issuer.verifyToken(issuer.createToken("bob"))).contains(bob());
    }

    @Test
    void anUnknownOrAlteredTokenVerifiesNothing() {
        TokenIssuer issuer = issuer();
        String token = issuer.createToken("alice@example.com");
        assertThat(issuer.verifyToken("no-such-token")).isEmpty();
        assertThat(issuer.verifyToken(token + "x")).isEmpty();
        assertThat(issuer.verifyToken(token.substring(1))).isEmpty();
        assertThat(issuer.verifyToken(token.toUpperCase(Locale.ROOT))).isEmpty();
        assertThat(issuer.verifyToken("")).isEmpty();
    }

    @Test
    void aRevokedTokenNoLongerVerifiesAndTheOthersStill() {
        TokenIssuer issuer = issuer();
        String revoked = issuer.createToken("alice@example.com");
        String kept = issuer.createToken("alice@example.com");
        assertThat(issuer.revokeToken(revoked)).isTrue();
        assertThat(issuer.verifyToken(revoked)).isEmpty();
        assertThat(issuer.verifyToken(kept)).contains(alice());
        assertThat(issuer.revokeToken(revoked)).isFalse();
        assertThat(issuer.revokeToken("never-issued")).isFalse();
    }

    @Test
    void tokensAreListedPerAccountWithoutTheSecretAndRevokedById() {
        TokenIssuer issuer = issuer();
        String first = issuer.createToken("bob");
        String second = issuer.createToken("bob@example.com");
        issuer.createToken("alice@example.com");
        List<TokenInfo> bobs = issuer.tokens("BOB");
        assertThat(bobs).hasSize(2);
        assertThat(bobs).extracting(TokenInfo::id).doesNotHaveDuplicates().doesNotContain(first, second);
        assertThat(issuer.tokens("alice@example.com")).hasSize(1).doesNotContainAnyElementsOf(bobs);
        assertThat(issuer.tokens("mallory@example.com")).isEmpty();

        assertThat(issuer.revokeTokenId(bobs.get(0).id())).isTrue();
        assertThat(issuer.revokeTokenId(bobs.get(0).id())).isFalse();
        assertThat(issuer.tokens("bob")).containsExactly(bobs.get(1));
        assertThat(List.of(first, second).stream()
                        .filter(t -> issuer.verifyToken(t).isPresent())
                        .toList())
                .hasSize(1);
    }

    @Test
    void aHostIssuedTokenIsAcceptedForOneAccountOnly() {
        TokenIssuer issuer = issuer();
        issuer.addToken("host-issued.token~1", "carol@example.org");
        issuer.addToken("host-issued.token~1", "Carol@example.org");
        assertThat(issuer.verifyToken("host-issued.token~1")).contains(carol());
        assertThat(issuer.tokens("carol@example.org")).hasSize(1);
        assertThatThrownBy(() -> issuer.addToken("host-issued.token~1", "alice@example.com"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(issuer.verifyToken("host-issued.token~1")).contains(carol());
    }

    @Test
    void tokensAreOnlyIssuedToKnownUsers() {
        TokenIssuer issuer = issuer();
        assertThatThrownBy(() -> issuer.createToken("mallory@example.com")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> issuer.addToken("some-token", "mallory")).isInstanceOf(IllegalStateException.class);
        assertThat(issuer.verifyToken("some-token")).isEmpty();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
