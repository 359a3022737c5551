package dev.switchboard.call;

/**
 * One spoken turn as a provider reported it. {@code idx} is its position in the provider's message list
 * (stable across repeated deliveries of the growing conversation), or -1 when there is no list.
 * {@code role} is normalized to {@code user} or {@code assistant}.
 */
public record Utterance(int idx, String role, String text, long at, Double secondsFromStart) {}
