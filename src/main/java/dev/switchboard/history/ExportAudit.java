package dev.switchboard.history;

import dev.switchboard.audit.AuditLog;

/**
 * Told about every export when it finishes (or fails part-way): who exported which view of which tenant, in which
 * format, and how many rows left the server. App wires it to the audit log; exports are audited because they are
 * the way data leaves Switchboard in bulk.
 */
@FunctionalInterface
public interface ExportAudit {
    /** {@code filters} is the request's query string as sent (the view can be reopened from it). */
    record Export(String tenantId, AuditLog.Actor actor, String format, String filters, long rows, boolean completed) {}

    void exported(Export export);
}
