package dev.switchboard.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    final LoginThrottle throttle = new LoginThrottle();
    static final long T0 = 1_700_000_000_000L;

    @Test
    void fiveFailuresLockTheAccountFromEveryAddressUntilTheWindowPasses() {
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            assertThat(throttle.retryAfter("ann@example.com", "10.0.0." + i, T0 + i)).isZero();
            throttle.failed("ann@example.com", "10.0.0." + i, T0 + i);
        }
        Duration wait = throttle.retryAfter("ANN@example.com ", "10.9.9.9", T0 + 10);
        assertThat(wait).as("case and spaces do not dodge it").isPositive().isLessThanOrEqualTo(LoginThrottle.WINDOW);
        assertThat(throttle.retryAfter("bob@example.com", "10.9.9.9", T0 + 10)).as("others are not locked").isZero();
        assertThat(throttle.retryAfter("ann@example.com", "10.9.9.9", T0 + LoginThrottle.WINDOW.toMillis() + 1)).isZero();
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedAfterTwentyFailures() {
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) throttle.failed("user" + i + "@example.com", "203.0.113.7", T0 + i);
        assertThat(throttle.retryAfter("someone-new@example.com", "203.0.113.7", T0 + 100)).isPositive();
        assertThat(throttle.retryAfter("someone-new@example.com", "203.0.113.8", T0 + 100)).isZero();
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT - 1; i++) throttle.failed("ann@example.com", "10.0.0.1", T0 + i);
        throttle.succeeded("ann@example.com");
        throttle.failed("ann@example.com", "10.0.0.1", T0 + 10);
        assertThat(throttle.retryAfter("ann@example.com", "10.0.0.2", T0 + 11)).isZero();
    }
}
