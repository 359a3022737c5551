package dev.switchboard.simulator;

import java.nio.charset.StandardCharsets;

/**
 * Stable 64-bit seeds from names (FNV-1a over UTF-8). Unlike {@link String#hashCode} this is pinned down
 * here, so a tenant's profile and a call's recording never change between versions or runs.
 */
public final class Seeds {
    private Seeds() {}

    public static long of(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
