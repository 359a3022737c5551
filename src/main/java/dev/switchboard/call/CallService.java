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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies normalized events to the stored calls inside the caller's transaction and says what changed.
 * Stateless; safe to share.
 */
public final class CallService {
    private final Clock clock;

    public CallService(Clock clock) {
        this.clock = clock;
    }

    /** Applies the events of one provider message; returns the live updates to publish after commit. */
    public List<CallUpdate> apply(Handle h, String tenantId, String provider, List<CallEvent> events) {
        if (events.isEmpty()) return List.of();
        long now = clock.millis();
        CallRepository calls = new CallRepository(h);
        StatusEventRepository timeline = new StatusEventRepository(h);
        TranscriptRepository transcripts = new TranscriptRepository(h);

        Map<String, Call> current = new LinkedHashMap<>();
        Map<String, Call> dirty = new LinkedHashMap<>();
        List<CallUpdate> rest = new ArrayList<>();

        for (CallEvent event : events) {
            String callId = event.callId();
            Call before = current.containsKey(callId) ? current.get(callId) : calls.find(tenantId, callId).orElse(null);
            CallReducer.Transition t = CallReducer.reduce(before, tenantId, provider, event, now);
            current.put(callId, t.call());
            if (t.changed()) dirty.put(callId, t.call());
            if (t.mark() != null && !timeline.has(tenantId, callId, t.mark().status())) {
                timeline.insert(tenantId, callId, t.mark().status(), t.mark().source(), markPayload(provider, t.mark()), t.mark().at());
            }
            transcriptEffects(transcripts, tenantId, event, rest);
        }
        dirty.values().forEach(calls::upsert);

        List<CallUpdate> updates = new ArrayList<>(dirty.size() + rest.size());
        dirty.values().forEach(c -> updates.add(new CallUpdate.CallChanged(c)));
        updates.addAll(rest);
        return updates;
    }

    private static void transcriptEffects(TranscriptRepository transcripts, String tenantId, CallEvent event, List<CallUpdate> out) {
        String callId = event.callId();
        if (event instanceof TranscriptFinal f) {
            Set<String> sources = transcripts.sources(tenantId, callId);
            TranscriptLine line = transcripts.appendLive(tenantId, callId, f.role(), f.text(), f.at(), f.secondsFromStart());
            if (sources.contains(TranscriptRepository.REPORT)) return;
            boolean switchesSource = !sources.contains(TranscriptRepository.LIVE) && sources.contains(TranscriptRepository.CONVERSATION);
            out.add(switchesSource ? new CallUpdate.TranscriptReset(callId) : new CallUpdate.LineAdded(line));
        } else if (event instanceof Conversation c) {
            List<TranscriptLine> added = transcripts.mergeConversation(tenantId, callId, c.lines());
            if (added.isEmpty()) return;
            // Conversation updates are what viewers see only while nothing better (live finals, the report) exists.
            Set<String> sources = transcripts.sources(tenantId, callId);
            if (!sources.contains(TranscriptRepository.LIVE) && !sources.contains(TranscriptRepository.REPORT)) {
                added.forEach(l -> out.add(new CallUpdate.LineAdded(l)));
            }
        } else if (event instanceof Reported r) {
            if (!r.lines().isEmpty()) {
                transcripts.replaceReport(tenantId, callId, r.lines());
                out.add(new CallUpdate.TranscriptReset(callId));
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
    }

    private static String markPayload(String provider, CallReducer.StatusMark mark) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("source", provider);
        payload.put("message", mark.source());
        if (mark.detail() != null) payload.put("detail", mark.detail());
        return Json.write(payload);
    }
}
