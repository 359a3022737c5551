package dev.switchboard.analytics;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallWriteListener;
import org.jdbi.v3.core.Handle;

/**
 * Keeps the rollups equal to a recount of the stored calls, in the same transaction as each call write.
 *
 * <p>Why "subtract the old row's contribution, add the new one's" is enough: the rollups are by definition the sum
 * of {@link Contribution#of} over the stored rows, and {@code before} is exactly the row being replaced (the call
 * write is conditional on its version). So a redelivered webhook (no change, no write) adds nothing; an
 * out-of-order one changes the rollups only by what it changes in the row; a late end-of-call report that fixes
 * cost or duration replaces the first estimate; a call whose first event is its end counts once. Nothing here
 * remembers which calls were counted, so there is nothing to drift. Writes that bypass {@code CallService} (bulk
 * loads) must be followed by {@link Rebuild}.
 *
 * <p>Runs on the database writer thread. With several instances on PostgreSQL, concurrent batches may update the
 * same bucket rows in different orders; a deadlock rolls one batch back and the writer retries its units one by
 * one (each touches at most two buckets), so it costs a retry, never a wrong count.
 */
public final class RollupMaintainer implements CallWriteListener {
    @Override
    public void written(Handle h, Call before, Call after) {
        Contribution was = Contribution.of(before);
        Contribution is = Contribution.of(after);
        if (was == null && is == null) return; // not ended before or after: the common case, nothing to count
        if (was != null && was.equals(is)) return;
        RollupRepository rollups = new RollupRepository(h);
        if (was != null) rollups.add(after.tenantId(), was, -1);
        if (is != null) rollups.add(after.tenantId(), is, 1);
    }
}
