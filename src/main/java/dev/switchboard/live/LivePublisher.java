package dev.switchboard.live;

import dev.switchboard.call.CallUpdate;
import dev.switchboard.call.CallView;
import dev.switchboard.call.CallUpdateListener;
import dev.switchboard.call.LineView;
import dev.switchboard.http.IsoTime;

import java.util.List;

/** Turns committed call updates into dashboard messages. Called on the writer thread after commit. */
public final class LivePublisher implements CallUpdateListener {
    private final LiveHub hub;

    public LivePublisher(LiveHub hub) {
        this.hub = hub;
    }

    @Override
    public void published(String tenantId, List<CallUpdate> updates) {
        for (CallUpdate u : updates) {
            hub.publish(tenantId, seq -> toMessage(tenantId, seq, u));
        }
    }

    static Object toMessage(String t, long seq, CallUpdate u) {
        if (u instanceof CallUpdate.CallChanged c) {
            return new LiveMessage.CallUpsert(t, seq, CallView.of(c.call()));
        } else if (u instanceof CallUpdate.LineAdded l) {
            return new LiveMessage.Transcript(t, seq, l.callId(), LineView.of(l.line()));
        } else if (u instanceof CallUpdate.TranscriptReset r) {
            return new LiveMessage.TranscriptReset(t, seq, r.callId());
        } else if (u instanceof CallUpdate.PartialTranscript p) {
            return new LiveMessage.TranscriptPartial(t, seq, p.callId(), p.role(), p.text(), IsoTime.of(p.at()));
        } else if (u instanceof CallUpdate.Speaking s) {
            return new LiveMessage.Speech(t, seq, s.callId(), s.role(), s.status(), s.turn(), IsoTime.of(s.at()));
        } else if (u instanceof CallUpdate.Alert a) {
            return new LiveMessage.Alert(t, seq, a.callId(), a.kind(), IsoTime.of(a.at()));
        }
        throw new IllegalArgumentException("unknown update " + u.getClass());
    }
}
