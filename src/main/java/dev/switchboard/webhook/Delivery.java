package dev.switchboard.webhook;

/**
 * One row of a tenant's webhook delivery log: a rejection (identical ones within a second share a row) or a
 * summary of accepted deliveries. Holds no secret and no signature.
 *
 * @param outcome     {@code accepted} or {@code rejected}
 * @param messageType the message's type when it could be read (for accepted summaries: the latest one)
 * @param reason      rejected: the error code (e.g. {@code webhook_auth_invalid}); accepted: null
 * @param detail      rejected: what was wrong, in words; accepted: null
 * @param count       deliveries this row stands for
 * @param firstAt     the first of them (epoch ms)
 * @param lastAt      the last of them (epoch ms)
 */
public record Delivery(long id, String provider, String outcome, String messageType, String reason, String detail,
                       long count, long firstAt, long lastAt) {
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
}
