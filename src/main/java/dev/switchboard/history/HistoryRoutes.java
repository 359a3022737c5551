package dev.switchboard.history;

import dev.switchboard.auth.Gate;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.Map;

/**
 * History's HTTP edge: {@code GET /api/{client_id}/history}, its exports ({@code history/export.csv},
 * {@code history/export.jsonl}) and a call's raw provider events ({@code calls/{call_id}/events}).
 */
public final class HistoryRoutes {
    private static final Logger log = LoggerFactory.getLogger(HistoryRoutes.class);

    private final TenantDirectory tenants;
    private final HistoryService history;
    private final ExportAudit audit;

    public HistoryRoutes(TenantDirectory tenants, HistoryService history, ExportAudit audit) {
        this.tenants = tenants;
        this.history = history;
        this.audit = audit;
    }

    /** {@code GET /api/{client_id}/history?…filters…&limit=&cursor=}. */
    public void list(Context ctx) {
        Tenant tenant = tenants.require(ctx.pathParam("client_id"));
        HistoryQuery q = HistoryQuery.parse(ctx.queryParamMap(), tenant.zone(), true);
        ctx.json(history.page(tenant.id(), q));
    }

    public void exportCsv(Context ctx) {
        export(ctx, "csv", "text/csv; charset=utf-8");
    }

    public void exportJsonLines(Context ctx) {
        export(ctx, "jsonl", "application/x-ndjson; charset=utf-8");
    }

    /** {@code GET /api/{client_id}/calls/{call_id}/events}: for engineers; 404 when the tenant has no such call. */
    public void rawEvents(Context ctx) {
        Tenant tenant = tenants.require(ctx.pathParam("client_id"));
        String callId = ctx.pathParam("call_id");
        ctx.json(Map.of("events", history.rawEvents(tenant.id(), callId), "limit", RawEvents.MAX_EVENTS));
    }

    /**
     * Streams the whole view. Filters are validated before the first byte, so a bad one is a 400 with the usual
     * error body; after that the status is sent and a failure can only cut the download short (and is audited so).
     */
    private void export(Context ctx, String format, String contentType) {
        Tenant tenant = tenants.require(ctx.pathParam("client_id"));
        HistoryQuery q = HistoryQuery.parse(ctx.queryParamMap(), tenant.zone(), false);
        String file = "switchboard-" + tenant.id().replaceAll("[^A-Za-z0-9._-]", "_") + "-calls-" + LocalDate.now(tenant.zone()) + "." + format;
        ctx.contentType(contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.header("Cache-Control", "no-store");
        long[] rows = {0};
        boolean completed = false;
        try {
            history.export(tenant.id(), tenant.zone(), q, format, ctx.outputStream(), rows);
            completed = true;
        } finally {
            var actor = Gate.of(ctx).auditActor(ctx.ip());
            if (!completed) log.warn("export of {} for {} stopped after {} rows", tenant.id(), actor.name(), rows[0]);
            audit.exported(new ExportAudit.Export(tenant.id(), actor, format, ctx.queryString() == null ? "" : ctx.queryString(),
                    rows[0], completed));
        }
    }
}
