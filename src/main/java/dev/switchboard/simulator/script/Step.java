package dev.switchboard.simulator.script;

import java.util.function.Supplier;

/**
 * One server message of a call's script: when Vapi would send it (epoch ms, already scaled by the
 * pace), its type, a short detail for logs and tests (the status, or role and transcript kind), and the
 * body. The body is rendered on demand so thousands of scripted calls do not hold their JSON in memory;
 * rendering twice gives the same JSON except the presigned URLs Vapi also regenerates per delivery.
 */
public record Step(long at, String type, String detail, Supplier<String> body) {
    public String render() {
        return body.get();
    }

    @Override
    public String toString() {
        return "Step[" + at + " " + type + (detail == null ? "" : " " + detail) + "]";
    }
}
