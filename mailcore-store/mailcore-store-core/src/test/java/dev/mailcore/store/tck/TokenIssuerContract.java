/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.store.TokenInfo;
import dev.mailcore.store.TokenIssuer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The {@link DirectoryContract} of a directory that also issues bearer tokens ({@link TokenIssuer}): created, added,
 * listed without their secret, revoked, and verified as their account only.
 */
public abstract class TokenIssuerContract extends DirectoryContract {
    private TokenIssuer issuer() {
        assertThat(directory).isInstanceOf(TokenIssuer.class);
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
}
