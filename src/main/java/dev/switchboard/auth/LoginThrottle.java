package dev.switchboard.auth;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins per account and per client address over a sliding window, so a password cannot
 * be guessed online: {@link #PER_ACCOUNT} failures lock the account's sign-in for the rest of the window
 * (whoever tries), {@link #PER_ADDRESS} failures lock the address (whatever account it tries, which also
 * stops spraying one password over many accounts). The answer is the same whether or not the account
 * exists. A success clears the account's failures. In memory, per instance: several instances each
 * allow the limit, which still leaves guessing hopeless. Thread-safe.
 */
public final class LoginThrottle {
    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Keys kept at most; beyond it, stale ones are swept (an attacker cannot grow memory without bound). */
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    /** How long until this account and address may try again; zero when they may now. */
    public Duration retryAfter(String account, String address, long now) {
        long wait = Math.max(waitFor("a:" + normalize(account), PER_ACCOUNT, now), waitFor("ip:" + address, PER_ADDRESS, now));
        return Duration.ofMillis(wait);
    }

    public void failed(String account, String address, long now) {
        if (failures.size() > MAX_KEYS) sweep(now);
        record("a:" + normalize(account), now);
        record("ip:" + address, now);
    }

    public void succeeded(String account) {
        failures.remove("a:" + normalize(account));
    }

    private long waitFor(String key, int limit, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) return 0;
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) return 0;
            // Locked until the oldest failure that still counts leaves the window.
            return times.peekFirst() + WINDOW.toMillis() - now;
        }
    }

    private void record(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            while (times.size() > PER_ADDRESS) times.removeFirst(); // nothing beyond the highest limit matters
        }
    }

    private static void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) times.removeFirst();
    }

    private void sweep(long now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    private static String normalize(String account) {
        return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
    }
}
