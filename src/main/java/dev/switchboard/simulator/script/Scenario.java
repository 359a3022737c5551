package dev.switchboard.simulator.script;

/** What happens on a simulated call. Each tenant's {@link Flavour} says how often each one occurs. */
public enum Scenario {
    /** The caller books an appointment; it succeeds. */
    APPOINTMENT_BOOKING,
    /** A how-to or after-care question, answered. */
    SUPPORT_QUESTION,
    /** A bill or invoice question. */
    BILLING_QUESTION,
    /** Senior-life flavour: Medicare enrollment, Part D, eligibility. */
    MEDICARE_QUESTION,
    /** An angry caller demands a human and is forwarded ({@code assistant-forwarded-call}). */
    ANGRY_TRANSFER,
    /** Outbound: the assistant confirms (or moves) an appointment, or follows up a lead. */
    APPOINTMENT_REMINDER,
    /** Outbound: an answering machine picks up; the assistant leaves a message ({@code voicemail}). */
    VOICEMAIL,
    /** Outbound: it rings out ({@code customer-did-not-answer}). */
    NO_ANSWER,
    /** Outbound: the line is busy ({@code customer-busy}). */
    BUSY,
    /** A provider failure: the model fails mid-call, or the carrier never connects the call. */
    FAILED_CALL,
    /** The caller goes quiet and the assistant gives up ({@code silence-timed-out}). */
    SILENCE_TIMEOUT
}
