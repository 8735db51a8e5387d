/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.spi.Directory;
import dev.mailcore.store.TokenInfo;
import dev.mailcore.store.TokenIssuer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@link DirectoryContract} of a directory that also issues bearer tokens ({@link TokenIssuer}): created, added,
 * listed without their secret, revoked, verified as their account only, and refused from their expiry on. An
 * adapter's test builds the directory on the contract's clock:
 *
 * <pre>{@code
 * class MyDirectoryTest extends TokenIssuerContract {
 *     protected TokenIssuer newIssuer(DirectorySpec spec, Clock clock) { ... }
 * }
 * }</pre>
 */
public abstract class TokenIssuerContract extends DirectoryContract {
    /** Whole seconds, so that a directory that keeps milliseconds gives back the same instants. */
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    /** The clock of the directory under test; the expiry cases move it. */
    protected final MutableClock clock = new MutableClock(START);

    /** A directory holding exactly what {@code spec} lists that reads the time from {@code clock}. */
    protected abstract TokenIssuer newIssuer(DirectorySpec spec, Clock clock);

    @Override
    protected final Directory newDirectory(DirectorySpec spec) {
        return newIssuer(spec, clock);
    }

    private TokenIssuer issuer() {
        return (TokenIssuer) directory;
    }

    private static Optional<Instant> at(Instant instant) {
        return Optional.of(instant);
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

    @Test
    void aTokenIsRefusedFromItsExpiryOn() {
        TokenIssuer issuer = issuer();
        String created = issuer.createToken("alice@example.com", at(START.plus(Duration.ofHours(1))));
        issuer.addToken("host-issued.token~2", "bob", at(START.plus(Duration.ofMinutes(30))));

        clock.advance(Duration.ofMinutes(30).minusMillis(1));
        assertThat(issuer.verifyToken("host-issued.token~2")).contains(bob());
        clock.advance(Duration.ofMillis(1));
        assertThat(issuer.verifyToken("host-issued.token~2")).isEmpty();
        assertThat(issuer.verifyToken(created)).contains(alice());

        clock.advance(Duration.ofMinutes(30));
        assertThat(issuer.verifyToken(created)).isEmpty();
        clock.advance(Duration.ofDays(400));
        assertThat(issuer.verifyToken(created)).isEmpty();
    }

    @Test
    void aTokenWithoutExpiryAndOneNotYetExpiredAreAccepted() {
        TokenIssuer issuer = issuer();
        String forever = issuer.createToken("alice@example.com");
        String yearLong = issuer.createToken("alice@example.com", at(START.plus(Duration.ofDays(365))));
        String pastAlready = issuer.createToken("alice@example.com", at(START.minusSeconds(1)));

        clock.advance(Duration.ofDays(364));
        assertThat(issuer.verifyToken(forever)).contains(alice());
        assertThat(issuer.verifyToken(yearLong)).contains(alice());
        assertThat(issuer.verifyToken(pastAlready)).isEmpty();
        clock.advance(Duration.ofDays(3650));
        assertThat(issuer.verifyToken(forever)).contains(alice());
    }

    @Test
    void tokensAreListedWithTheirExpiryUntilTheNextTokenRemovesTheExpiredOnes() {
        TokenIssuer issuer = issuer();
        Instant expiry = START.plus(Duration.ofDays(30));
        issuer.createToken("bob", at(expiry));
        clock.advance(Duration.ofSeconds(1));
        issuer.createToken("bob");
        List<TokenInfo> listed = issuer.tokens("bob");
        assertThat(listed).extracting(TokenInfo::created).containsExactly(START, START.plusSeconds(1));
        assertThat(listed).extracting(TokenInfo::expires).containsExactly(at(expiry), Optional.empty());

        clock.advance(Duration.ofDays(30));
        assertThat(issuer.tokens("bob")).isEqualTo(listed);
        assertThat(listed.get(0).isExpiredAt(clock.instant())).isTrue();
        assertThat(listed.get(1).isExpiredAt(clock.instant())).isFalse();

        issuer.createToken("alice@example.com");
        assertThat(issuer.tokens("bob")).containsExactly(listed.get(1));
    }

    @Test
    void revocationWorksOnTokensThatExpireAndOnExpiredOnes() {
        TokenIssuer issuer = issuer();
        String byToken = issuer.createToken("alice@example.com", at(START.plus(Duration.ofHours(1))));
        issuer.createToken("alice@example.com", at(START.plus(Duration.ofHours(2))));
        String expiring = issuer.createToken("alice@example.com", at(START.plus(Duration.ofMinutes(1))));

        assertThat(issuer.revokeToken(byToken)).isTrue();
        assertThat(issuer.verifyToken(byToken)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(issuer.verifyToken(expiring)).isEmpty();
        assertThat(issuer.revokeToken(expiring)).isTrue();
        assertThat(issuer.revokeToken(expiring)).isFalse();
        TokenInfo left = issuer.tokens("alice@example.com").get(0);
        assertThat(issuer.revokeTokenId(left.id())).isTrue();
        assertThat(issuer.tokens("alice@example.com")).isEmpty();
    }

    @Test
    void aTokenAddedAgainTakesTheNewExpiryAndAnExpiredOneCanBeGivenToAnotherAccount() {
        TokenIssuer issuer = issuer();
        issuer.addToken("host-issued.token~3", "carol@example.org", at(START.plus(Duration.ofHours(1))));
        TokenInfo first = issuer.tokens("carol@example.org").get(0);
        issuer.addToken("host-issued.token~3", "carol@example.org");
        assertThat(issuer.tokens("carol@example.org")).containsExactly(new TokenInfo(first.id(), START));
        clock.advance(Duration.ofHours(2));
        assertThat(issuer.verifyToken("host-issued.token~3")).contains(carol());

        issuer.addToken(
                "host-issued.token~4", "carol@example.org", at(clock.instant().plusSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        issuer.addToken("host-issued.token~4", "alice@example.com");
        assertThat(issuer.verifyToken("host-issued.token~4")).contains(alice());
    }
}
