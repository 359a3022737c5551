package dev.switchboard.simulator.script;

import dev.switchboard.simulator.VapiMessages.CallInfo;

import java.util.List;

/**
 * Everything Vapi would send about one call, in send order (non-decreasing {@link Step#at}).
 *
 * @param startedAt     when the call connected (epoch ms), or null if it never did
 * @param transferredTo the number the call was forwarded to, or null
 */
public record CallScript(String tenant, Scenario scenario, CallInfo call, String endedReason, Long startedAt,
                         long endedAt, String transferredTo, List<Step> steps) {
    public boolean connected() {
        return startedAt != null;
    }
}
