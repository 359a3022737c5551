package dev.switchboard.call;

import dev.switchboard.http.IsoTime;

/** A transcript line on the wire; {@code id} lets clients drop a line they already have. */
public record LineView(long id, String role, String text, String at, Double secondsFromStart, String source) {
    public static LineView of(TranscriptLine l) {
        return new LineView(l.id(), l.role(), l.text(), IsoTime.of(l.at()), l.secondsFromStart(), l.source());
    }
}
