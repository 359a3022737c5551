package dev.switchboard.simulator;

/**
 * A consistent-enough snapshot of the simulator's counters (each read atomically, not all at once).
 *
 * @param webhooksSent    deliveries handed to the sender (duplicates included, retries not)
 * @param webhooksAcked   deliveries answered 2xx
 * @param webhooksFailed  deliveries given up on (4xx, or 5xx / connection failure after the retries)
 * @param retries         extra attempts after a 5xx or a connection failure
 * @param duplicates      deliveries that repeat an earlier one on purpose
 * @param reordered       deliveries sent after a message that followed them in the script
 * @param ackP50Millis    median time from request to 2xx, over the whole run
 * @param ackP99Millis    99th percentile of the same
 */
public record SimulatorStats(long callsStarted, long callsEnded, long webhooksSent, long webhooksAcked,
                             long webhooksFailed, long retries, long duplicates, long reordered,
                             long ackP50Millis, long ackP99Millis) {

    public long callsInFlight() {
        return callsStarted - callsEnded;
    }

    public long webhooksPending() {
        return webhooksSent - webhooksAcked - webhooksFailed;
    }
}
