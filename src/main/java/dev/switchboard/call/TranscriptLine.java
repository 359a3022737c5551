package dev.switchboard.call;

/**
 * A stored transcript line. {@code source} says which provider stream it came from: {@code live}
 * (final transcript messages), {@code conversation} (conversation updates) or {@code report} (the
 * end-of-call report, which supersedes the others).
 */
public record TranscriptLine(long id, String callId, String source, String role, String text, long at, Double secondsFromStart) {}
