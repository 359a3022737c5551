package dev.switchboard.control;

/**
 * A named place a supervisor can transfer a tenant's calls to: an E.164 number, a SIP URI, or both
 * (the number is used when both are set). This is also its wire form.
 */
public record TransferTarget(long id, String name, String number, String sipUri) {}
