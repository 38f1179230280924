package io.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final StaffPrincipal ALICE =
            new StaffPrincipal("staff-alice", "Alice", Set.of("STAFF"), "session-1");

    private final VerifiedTokens tokens = new VerifiedTokens(3);

    @Test
    void onlyExactlyTheSameTokenIsFoundAndItsTextIsNotKept() {
        String digest = VerifiedTokens.digest("a.b.c");
        tokens.remember(digest, live(), NOW);

        assertThat(digest).isEqualTo(VerifiedTokens.digest("a.b.c")).doesNotContain("a.b.c");
        assertThat(tokens.find(VerifiedTokens.digest("a.b.c"))).isEqualTo(live());
        assertThat(tokens.find(VerifiedTokens.digest("a.b.d"))).isNull();
        assertThat(tokens.find(VerifiedTokens.digest("a.b.c "))).isNull();
    }

    @Test
    void whenFullTheExpiredOnesAreDroppedFirst() {
        tokens.remember("old-1", expired(), NOW);
        tokens.remember("live", live(), NOW);
        tokens.remember("old-2", expired(), NOW);

        tokens.remember("new", live(), NOW);

        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.find("live")).isNotNull();
        assertThat(tokens.find("new")).isNotNull();
        assertThat(tokens.find("old-1")).isNull();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        for (int i = 0; i < 10; i++) {
            tokens.remember("token-" + i, live(), NOW);
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
        assertThat(tokens.find("token-9")).isNotNull();
    }

    private static final RSAKey KEY = LocalJwks.generateKey().toPublicJWK();

    private static VerifiedTokens.Verified live() {
        return new VerifiedTokens.Verified(ALICE, NOW.plus(Duration.ofMinutes(30)), KEY);
    }

    private static VerifiedTokens.Verified expired() {
        return new VerifiedTokens.Verified(ALICE, NOW.minus(Duration.ofMinutes(1)), KEY);
    }
}
