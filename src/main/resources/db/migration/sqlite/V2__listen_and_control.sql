-- Switchboard schema v2: tenant settings, transfer targets and the supervisor action audit (issue 3).
-- Times are epoch milliseconds (UTC) in both dialects.

-- Per-tenant provider settings. vapi_public_key is a secret: never logged, never returned by the API.
CREATE TABLE tenant_settings (
    tenant_id        TEXT PRIMARY KEY REFERENCES tenants (id),
    vapi_public_key  TEXT,
    listen_format    TEXT NOT NULL DEFAULT 'auto' CHECK (listen_format IN ('auto', 'mono', 'stereo')),
    updated_at       INTEGER NOT NULL
);

-- Where a supervisor can send a call: a name unique per tenant (case-insensitively), an E.164 number
-- and/or a SIP URI.
CREATE TABLE transfer_targets (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id   TEXT NOT NULL REFERENCES tenants (id),
    name        TEXT NOT NULL,
    number      TEXT,
    sip_uri     TEXT,
    created_at  INTEGER NOT NULL,
    CHECK (number IS NOT NULL OR sip_uri IS NOT NULL)
);
CREATE UNIQUE INDEX transfer_targets_name ON transfer_targets (tenant_id, lower(name));

-- One row per supervisor action on a call (transfer, end, say, whisper, mute, unmute) and per listen
-- session (ended_at and frames_dropped are filled in when the session ends).
CREATE TABLE supervisor_actions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id        TEXT NOT NULL,
    call_id          TEXT NOT NULL,
    action           TEXT NOT NULL,
    actor            TEXT,
    client_address   TEXT,
    parameters       TEXT NOT NULL,
    outcome          TEXT NOT NULL,
    detail           TEXT,
    provider_status  INTEGER,
    latency_ms       INTEGER,
    at               INTEGER NOT NULL,
    ended_at         INTEGER,
    frames_dropped   INTEGER
);
CREATE INDEX supervisor_actions_by_call ON supervisor_actions (tenant_id, call_id, id);
