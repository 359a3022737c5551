package dev.switchboard.call;

import dev.switchboard.call.CallEvent.AssistantHang;
import dev.switchboard.call.CallEvent.Conversation;
import dev.switchboard.call.CallEvent.Reported;
import dev.switchboard.call.CallEvent.Speech;
import dev.switchboard.call.CallEvent.TranscriptFinal;
import dev.switchboard.call.CallEvent.TranscriptPartial;
import dev.switchboard.call.CallEvent.UserInterrupted;
import dev.switchboard.http.Json;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies normalized events to the stored calls inside the caller's transaction and says what changed.
 *
 * <p>Runs on the database writer thread only (it keeps {@link RecentCalls} for that thread). Call rows are
 * written conditionally on the version they were read at, so a stale read (another instance, the debug
 * API) is detected and redone from the database instead of overwriting newer state.
 */
public final class CallService {
    private static final int MAX_WRITE_ATTEMPTS = 3;

    private final Clock clock;
    private final CallWriteListener writes;
    private final EndedCallWrites endedWrites;
    private final RecentCalls recent = new RecentCalls();

    /**
     * Told, inside the writing transaction, about each ended call a message changed or added to (the report,
     * late transcript lines), so data derived from finished calls (the search index) commits with the call.
     */
    @FunctionalInterface
    public interface EndedCallWrites {
        void ended(Handle h, String tenantId, String callId);
    }

    public CallService(Clock clock) {
        this(clock, CallWriteListener.NONE, (h, tenantId, callId) -> {});
    }

    /**
     * {@code writes} hears of every row written, with the stored row it replaced (see {@link CallWriteListener});
     * {@code endedWrites} of every ended call a message touched (its row or its transcript).
     */
    public CallService(Clock clock, CallWriteListener writes, EndedCallWrites endedWrites) {
        this.clock = clock;
        this.writes = writes;
        this.endedWrites = endedWrites;
    }

    /** Forgets cached calls; the writer calls this when a transaction rolls back. */
    public void forgetRecent() {
        recent.clear();
    }

    /**
     * Stores a call exactly as given, bypassing the state machine (the seed's debug API may set any status).
     * The cached copy is dropped, since the stored call may now be "behind" it.
     */
    public void overwrite(Handle h, Call call) {
        CallRepository calls = new CallRepository(h);
        Call before = calls.find(call.tenantId(), call.id()).orElse(null);
        calls.upsert(call);
        writes.written(h, before, call);
        recent.remove(call.tenantId(), call.id());
        if (call.isEnded()) endedWrites.ended(h, call.tenantId(), call.id());
    }

    /** Applies the events of one provider message; returns the live updates to publish after commit. */
    public List<CallUpdate> apply(Handle h, String tenantId, String provider, List<CallEvent> events) {
        if (events.isEmpty()) return List.of();
        long now = clock.millis();
        CallRepository calls = new CallRepository(h);
        StatusEventRepository timeline = new StatusEventRepository(h);
        TranscriptRepository transcripts = new TranscriptRepository(h);

        Map<String, Call> original = new LinkedHashMap<>();
        Map<String, Call> current = new LinkedHashMap<>();
        Set<String> dirty = new LinkedHashSet<>();
        Set<String> touched = new LinkedHashSet<>(); // row or stored transcript changed: derived data must follow
        List<CallUpdate> rest = new ArrayList<>();

        for (CallEvent event : events) {
            String callId = event.callId();
            if (!current.containsKey(callId)) {
                Call loaded = load(calls, transcripts, tenantId, callId);
                original.put(callId, loaded);
                current.put(callId, loaded);
            }
            CallReducer.Transition t = CallReducer.reduce(current.get(callId), tenantId, provider, event, now);
            current.put(callId, t.call());
            if (t.changed()) dirty.add(callId);
            if (t.mark() != null && !timeline.has(tenantId, callId, t.mark().status())) {
                timeline.insert(tenantId, callId, t.mark().status(), t.mark().source(), markPayload(provider, t.mark()), t.mark().at());
            }
            if (transcriptEffects(transcripts, tenantId, event, rest)) touched.add(callId);
        }

        List<CallUpdate> updates = new ArrayList<>(dirty.size() + rest.size());
        for (String callId : dirty) {
            Call written = write(calls, transcripts, tenantId, provider, original.get(callId), current.get(callId),
                    events.stream().filter(e -> e.callId().equals(callId)).toList(), now);
            if (written != null) {
                updates.add(new CallUpdate.CallChanged(written));
                touched.add(callId);
            }
        }
        updates.addAll(rest);
        for (String callId : touched) {
            Call c = current.get(callId);
            if (c != null && c.isEnded()) endedWrites.ended(h, tenantId, callId);
        }
        // After its end-of-call report a call rarely changes again; kept, every finished call would sit in the
        // cache for minutes and be copied by each young collection meanwhile (most of what those pauses copied).
        for (CallEvent event : events) {
            if (event instanceof CallEvent.Reported) recent.remove(tenantId, event.callId());
        }
        return updates;
    }

    /** Whether the writer's cache holds the call (for tests of what it keeps). */
    boolean remembers(String tenantId, String callId) {
        return recent.get(tenantId, callId) != null;
    }

    private Call load(CallRepository calls, TranscriptRepository transcripts, String tenantId, String callId) {
        RecentCalls.Entry e = recent.get(tenantId, callId);
        if (e != null) return e.call;
        Call stored = calls.find(tenantId, callId).orElse(null);
        if (stored != null) recent.put(tenantId, callId, new RecentCalls.Entry(stored, transcripts.sources(tenantId, callId)));
        return stored;
    }

    /**
     * Writes the call if nobody else changed it since it was read; otherwise re-reads it and re-applies
     * this message's events. Returns what was written, or null when nothing needed writing after all.
     */
    private Call write(CallRepository calls, TranscriptRepository transcripts, String tenantId, String provider,
                       Call before, Call next, List<CallEvent> events, long now) {
        for (int attempt = 1; ; attempt++) {
            boolean written = before == null ? calls.insertIfAbsent(next) : calls.updateIfVersion(before, next);
            if (written) {
                // "before" is exactly the stored row: the write succeeded only because its version was unchanged.
                writes.written(calls.handle(), before, next);
                RecentCalls.Entry e = recent.get(tenantId, next.id());
                if (e != null) {
                    e.call = next;
                } else {
                    recent.put(tenantId, next.id(), new RecentCalls.Entry(next, transcripts.sources(tenantId, next.id())));
                }
                return next;
            }
            if (attempt == MAX_WRITE_ATTEMPTS) {
                throw new IllegalStateException("call " + next.id() + " kept changing while being written");
            }
            recent.remove(tenantId, next.id());
            before = calls.find(tenantId, next.id()).orElse(null);
            Call redone = before;
            boolean changed = false;
            for (CallEvent e : events) {
                CallReducer.Transition t = CallReducer.reduce(redone, tenantId, provider, e, now);
                redone = t.call();
                changed |= t.changed();
            }
            if (!changed) return null;
            next = redone;
        }
    }

    /** The transcript sources of a call: from the recent-calls entry when there is one. */
    private Set<String> sources(TranscriptRepository transcripts, String tenantId, String callId) {
        RecentCalls.Entry e = recent.get(tenantId, callId);
        return e != null ? e.sources : transcripts.sources(tenantId, callId);
    }

    private void noteSource(String tenantId, String callId, String source) {
        RecentCalls.Entry e = recent.get(tenantId, callId);
        if (e != null) e.sources.add(source);
    }

    /** Adds the message's transcript effects to {@code out}; returns whether the stored transcript changed. */
    private boolean transcriptEffects(TranscriptRepository transcripts, String tenantId, CallEvent event, List<CallUpdate> out) {
        String callId = event.callId();
        if (event instanceof TranscriptFinal f) {
            Set<String> sources = sources(transcripts, tenantId, callId);
            boolean hadLive = sources.contains(TranscriptRepository.LIVE);
            boolean reported = sources.contains(TranscriptRepository.REPORT);
            boolean hadConversation = sources.contains(TranscriptRepository.CONVERSATION);
            TranscriptLine line = transcripts.appendLive(tenantId, callId, f.role(), f.text(), f.at(), f.secondsFromStart());
            noteSource(tenantId, callId, TranscriptRepository.LIVE);
            if (!reported) out.add(!hadLive && hadConversation ? new CallUpdate.TranscriptReset(callId) : new CallUpdate.LineAdded(line));
            return true;
        } else if (event instanceof Conversation c) {
            List<TranscriptLine> added = transcripts.mergeConversation(tenantId, callId, c.lines());
            if (added.isEmpty()) return false;
            Set<String> sources = sources(transcripts, tenantId, callId);
            // Conversation updates are what viewers see only while nothing better (live finals, the report) exists.
            boolean shown = !sources.contains(TranscriptRepository.LIVE) && !sources.contains(TranscriptRepository.REPORT);
            noteSource(tenantId, callId, TranscriptRepository.CONVERSATION);
            if (shown) added.forEach(l -> out.add(new CallUpdate.LineAdded(l)));
            return true;
        } else if (event instanceof Reported r) {
            if (!r.lines().isEmpty()) {
                transcripts.replaceReport(tenantId, callId, r.lines());
                noteSource(tenantId, callId, TranscriptRepository.REPORT);
                out.add(new CallUpdate.TranscriptReset(callId));
                return true;
            }
        } else if (event instanceof TranscriptPartial p) {
            out.add(new CallUpdate.PartialTranscript(callId, p.role(), p.text(), p.at()));
        } else if (event instanceof Speech s) {
            out.add(new CallUpdate.Speaking(callId, s.role(), s.status(), s.turn(), s.at()));
        } else if (event instanceof AssistantHang a) {
            out.add(new CallUpdate.Alert(callId, "hang", a.at()));
        } else if (event instanceof UserInterrupted u) {
            out.add(new CallUpdate.Alert(callId, "user-interrupted", u.at()));
        }
        return false;
    }

    private static String markPayload(String provider, CallReducer.StatusMark mark) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("source", provider);
        payload.put("message", mark.source());
        if (mark.detail() != null) payload.put("detail", mark.detail());
        return Json.write(payload);
    }
}
