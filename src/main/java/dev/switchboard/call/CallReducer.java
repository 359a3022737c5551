package dev.switchboard.call;

import dev.switchboard.call.CallEvent.AssistantHang;
import dev.switchboard.call.CallEvent.Conversation;
import dev.switchboard.call.CallEvent.Observed;
import dev.switchboard.call.CallEvent.Reported;
import dev.switchboard.call.CallEvent.Speech;
import dev.switchboard.call.CallEvent.StatusChanged;
import dev.switchboard.call.CallEvent.TranscriptFinal;
import dev.switchboard.call.CallEvent.TranscriptPartial;
import dev.switchboard.call.CallEvent.TransferStarted;
import dev.switchboard.call.CallEvent.UserInterrupted;

/**
 * The call state machine as a pure function: (current call, event) → next call. Every field merges in a
 * way that does not depend on arrival order, so redelivered and out-of-order webhooks converge on the
 * same call:
 * <ul>
 *   <li>status only moves forward ({@link CallStatus#rank}); {@code ended} is final;</li>
 *   <li>the end-of-call report is authoritative for what it carries; before it, the earliest claimed
 *       start/end time and the first ended reason / destination win;</li>
 *   <li>descriptive fields (caller, assistant, URLs) are filled by the first event that has them.</li>
 * </ul>
 */
public final class CallReducer {

    /** The next state, whether anything changed, and the timeline entry the event adds (or null). */
    public record Transition(Call call, boolean changed, StatusMark mark) {}

    /** A status the provider reported, for the call's timeline. */
    public record StatusMark(String status, long at, String source, String detail) {}

    private CallReducer() {}

    public static Transition reduce(Call current, String tenantId, String provider, CallEvent event, long now) {
        Draft d = current == null ? Draft.fresh(tenantId, event.callId(), provider, event.at()) : Draft.of(current);
        StatusMark mark = null;
        boolean reported = d.reportedAt != null;
        // No event happens before the call exists: the earliest time any event knows, whichever arrives first.
        d.createdAt = Math.min(d.createdAt, event.at());

        if (event instanceof Observed o) {
            d.advance(o.snapshotStatus());
            d.callType = first(d.callType, o.callType());
            d.phoneNumber = first(d.phoneNumber, o.phoneNumber());
            d.ourNumber = first(d.ourNumber, o.ourNumber());
            d.assistantId = first(d.assistantId, o.assistantId());
            d.assistantName = first(d.assistantName, o.assistantName());
            d.listenUrl = first(d.listenUrl, o.listenUrl());
            d.controlUrl = first(d.controlUrl, o.controlUrl());
            if (o.createdAt() != null) d.createdAt = Math.min(d.createdAt, o.createdAt());
            if (!reported || d.startedAt == null) d.startedAt = min(d.startedAt, o.startedAt());
            if (!reported || d.endedAt == null) d.endedAt = min(d.endedAt, o.endedAt());
        } else if (event instanceof StatusChanged s) {
            d.advance(s.status());
            if (CallStatus.IN_PROGRESS.wire().equals(s.status()) && (!reported || d.startedAt == null)) {
                d.startedAt = min(d.startedAt, s.at());
            }
            if (CallStatus.ENDED.wire().equals(s.status()) && !reported) {
                d.endedAt = min(d.endedAt, s.at());
                d.endedReason = first(d.endedReason, s.endedReason());
            }
            if (!reported) d.transferDestination = first(d.transferDestination, s.destination());
            if (CallStatus.rank(s.status()) >= 0) {
                mark = new StatusMark(s.status(), s.at(), "status-update",
                        s.endedReason() != null ? s.endedReason() : s.destination());
            }
        } else if (event instanceof TransferStarted t) {
            d.advance(CallStatus.FORWARDING.wire());
            if (!reported) d.transferDestination = first(d.transferDestination, t.destination());
            mark = new StatusMark(CallStatus.FORWARDING.wire(), t.at(), "transfer-update", t.destination());
        } else if (event instanceof Reported r) {
            d.advance(CallStatus.ENDED.wire());
            d.reportedAt = r.at();
            d.endedReason = first(r.endedReason(), d.endedReason);
            d.startedAt = first(r.startedAt(), d.startedAt);
            d.endedAt = first(r.endedAt(), first(d.endedAt, r.at()));
            d.cost = r.cost() != null ? r.cost() : d.cost;
            d.costBreakdown = first(r.costBreakdown(), d.costBreakdown);
            d.summary = first(r.summary(), d.summary);
            d.structuredData = first(r.structuredData(), d.structuredData);
            d.successEvaluation = first(r.successEvaluation(), d.successEvaluation);
            d.recordingUrl = first(r.recordingUrl(), d.recordingUrl);
            d.stereoRecordingUrl = first(r.stereoRecordingUrl(), d.stereoRecordingUrl);
            d.transferDestination = first(r.destination(), d.transferDestination);
            mark = new StatusMark(CallStatus.ENDED.wire(), d.endedAt, "end-of-call-report", r.endedReason());
        } else if (event instanceof TranscriptFinal || event instanceof TranscriptPartial
                || event instanceof Conversation || event instanceof Speech
                || event instanceof UserInterrupted || event instanceof AssistantHang) {
            // Someone is talking (or the assistant is thinking): the call is connected.
            d.advance(CallStatus.IN_PROGRESS.wire());
        }

        Call next = d.build(current == null ? 0 : current.version(), current == null ? now : current.updatedAt());
        boolean changed = !next.equals(current);
        if (changed) next = d.build(next.version() + 1, now);
        return new Transition(next, changed, mark);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private static Long min(Long a, Long b) {
        if (a == null) return b;
        if (b == null) return a;
        return Math.min(a, b);
    }

    /** Mutable working copy used only inside {@link #reduce}. */
    private static final class Draft {
        String tenantId, id, provider, status, callType, phoneNumber, ourNumber, assistantId, assistantName;
        long createdAt;
        Long startedAt, endedAt;
        String endedReason;
        Double cost;
        String costBreakdown, summary, structuredData, successEvaluation, recordingUrl, stereoRecordingUrl;
        String transferDestination, listenUrl, controlUrl;
        Long reportedAt;

        static Draft fresh(String tenantId, String id, String provider, long at) {
            Draft d = new Draft();
            d.tenantId = tenantId;
            d.id = id;
            d.provider = provider;
            d.status = CallStatus.UNKNOWN;
            d.createdAt = at;
            return d;
        }

        static Draft of(Call c) {
            Draft d = new Draft();
            d.tenantId = c.tenantId();
            d.id = c.id();
            d.provider = c.provider();
            d.status = c.status();
            d.callType = c.callType();
            d.phoneNumber = c.phoneNumber();
            d.ourNumber = c.ourNumber();
            d.assistantId = c.assistantId();
            d.assistantName = c.assistantName();
            d.createdAt = c.createdAt();
            d.startedAt = c.startedAt();
            d.endedAt = c.endedAt();
            d.endedReason = c.endedReason();
            d.cost = c.cost();
            d.costBreakdown = c.costBreakdown();
            d.summary = c.summary();
            d.structuredData = c.structuredData();
            d.successEvaluation = c.successEvaluation();
            d.recordingUrl = c.recordingUrl();
            d.stereoRecordingUrl = c.stereoRecordingUrl();
            d.transferDestination = c.transferDestination();
            d.listenUrl = c.listenUrl();
            d.controlUrl = c.controlUrl();
            d.reportedAt = c.reportedAt();
            return d;
        }

        void advance(String candidate) {
            if (CallStatus.rank(candidate) > CallStatus.rank(status)) status = candidate;
        }

        Call build(long version, long updatedAt) {
            return new Call(tenantId, id, provider, status, callType, phoneNumber, ourNumber, assistantId,
                    assistantName, createdAt, updatedAt, startedAt, endedAt, endedReason, cost, costBreakdown,
                    summary, structuredData, successEvaluation, recordingUrl, stereoRecordingUrl,
                    transferDestination, listenUrl, controlUrl, reportedAt, version);
        }
    }
}
