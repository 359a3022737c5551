package dev.switchboard.call;

import org.jdbi.v3.core.Handle;

/**
 * Told about every call row {@link CallService} writes, inside the same transaction, with the row as it was
 * stored before ({@code null} for a new call) and as it is now. Derived data kept in the database (the analytics
 * rollups) stays exactly in step with the calls this way: it commits or rolls back with them.
 */
@FunctionalInterface
public interface CallWriteListener {
    CallWriteListener NONE = (h, before, after) -> {};

    void written(Handle h, Call before, Call after);

    /** Tells {@code first}, then {@code second}. */
    static CallWriteListener both(CallWriteListener first, CallWriteListener second) {
        return (h, before, after) -> {
            first.written(h, before, after);
            second.written(h, before, after);
        };
    }
}
