package dev.switchboard.call;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The calls the writer touched most recently, with the transcript sources each has, so the hot path does
 * not read them back for every message. It may be stale (another instance or the debug API wrote the
 * call): writes are conditional on the version read, and a failed condition reloads the call. It must
 * never be ahead of the database, so it is cleared when a transaction rolls back.
 *
 * <p>Not thread-safe: confined to the database writer thread.
 */
final class RecentCalls {
    private static final int CAPACITY = 20_000;

    /** A call as last written, and the transcript sources it has lines from. */
    static final class Entry {
        Call call;
        final Set<String> sources;

        Entry(Call call, Set<String> sources) {
            this.call = call;
            this.sources = new HashSet<>(sources);
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    Entry get(String tenantId, String callId) {
        return entries.get(key(tenantId, callId));
    }

    void put(String tenantId, String callId, Entry entry) {
        entries.put(key(tenantId, callId), entry);
    }

    void remove(String tenantId, String callId) {
        entries.remove(key(tenantId, callId));
    }

    void clear() {
        entries.clear();
    }

    private static String key(String tenantId, String callId) {
        return tenantId + '\u0000' + callId;
    }
}
