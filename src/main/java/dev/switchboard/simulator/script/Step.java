package dev.switchboard.simulator.script;

import java.util.function.Supplier;

/**
 * One server message of a call's script: when Vapi would send it (epoch ms, already scaled by the
 * pace), its type, a short detail for logs and tests (the status, or role and transcript kind), and the
 * body. The body is rendered on demand so thousands of scripted calls do not hold their JSON in memory;
 * rendering twice gives the same JSON except the presigned URLs Vapi also regenerates per delivery.
 *
 * @param turn which spoken turn the message belongs to (0-based), {@link #PRELUDE} for the status
 *             changes before the conversation, {@link #NONE} otherwise; a supervisor's action uses it to
 *             tell what of the call's future it may drop
 */
public record Step(long at, String type, String detail, Supplier<String> body, int turn) {
    public static final int NONE = -1;
    public static final int PRELUDE = -2;

    public Step(long at, String type, String detail, Supplier<String> body) {
        this(at, type, detail, body, NONE);
    }

    public String render() {
        return body.get();
    }

    /** The call's {@code ended} status-update or its end-of-call report. */
    public boolean endsCall() {
        return type.equals("end-of-call-report") || (type.equals("status-update") && "ended".equals(detail));
    }

    @Override
    public String toString() {
        return "Step[" + at + " " + type + (detail == null ? "" : " " + detail) + "]";
    }
}
