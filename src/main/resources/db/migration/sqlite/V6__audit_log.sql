-- Switchboard schema v6: the structured audit log (issue 4). Who did what to what, when, from where, and how
-- it went: sign-ins, user/membership/key/tenant/transfer-target/settings changes and supervisor actions.
-- tenant_id is NULL for agency-wide events (sign-ins, users, tenants). No foreign keys: the record outlives
-- what it names (a deleted user, a revoked key). detail is a small JSON object that never holds a password,
-- secret, key, token or provider URL (AuditLog drops such fields). Times are epoch milliseconds (UTC).
CREATE TABLE audit_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id       TEXT,
    at              INTEGER NOT NULL,
    actor_kind      TEXT NOT NULL CHECK (actor_kind IN ('user', 'api_key', 'cli', 'system', 'anonymous')),
    actor           TEXT NOT NULL,
    client_address  TEXT,
    action          TEXT NOT NULL,
    target          TEXT,
    outcome         TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    detail          TEXT
);
-- A tenant's page, newest first (and the agency's NULL tenant), and the same narrowed to an action.
CREATE INDEX audit_events_by_tenant ON audit_events (tenant_id, id DESC);
CREATE INDEX audit_events_by_tenant_action ON audit_events (tenant_id, action, id);
