package dev.switchboard.call;

import java.util.List;

/** Told about committed call updates, in commit order (the live hub is the listener in production). */
@FunctionalInterface
public interface CallUpdateListener {
    void published(String tenantId, List<CallUpdate> updates);
}
