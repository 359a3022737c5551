-- Switchboard schema v1: tenants, calls, their status timeline and transcript, and the raw webhook inbox.
-- Times are epoch milliseconds (UTC) in both dialects.

CREATE TABLE tenants (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE calls (
    tenant_id             TEXT NOT NULL REFERENCES tenants (id),
    id                    TEXT NOT NULL,
    provider              TEXT NOT NULL,
    status                TEXT NOT NULL,
    call_type             TEXT,
    phone_number          TEXT,
    our_number            TEXT,
    assistant_id          TEXT,
    assistant_name        TEXT,
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL,
    started_at            BIGINT,
    ended_at              BIGINT,
    ended_reason          TEXT,
    cost                  DOUBLE PRECISION,
    cost_breakdown        TEXT,
    summary               TEXT,
    structured_data       TEXT,
    success_evaluation    TEXT,
    recording_url         TEXT,
    stereo_recording_url  TEXT,
    transfer_destination  TEXT,
    listen_url            TEXT,
    control_url           TEXT,
    reported_at           BIGINT,
    version               BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX calls_by_tenant_created ON calls (tenant_id, created_at DESC);
CREATE INDEX calls_live ON calls (tenant_id, created_at DESC) WHERE status <> 'ended';

CREATE TABLE call_status_events (
    id          BIGSERIAL PRIMARY KEY,
    tenant_id   TEXT NOT NULL,
    call_id     TEXT NOT NULL,
    status      TEXT NOT NULL,
    source      TEXT NOT NULL,
    payload     TEXT,
    created_at  BIGINT NOT NULL
);
CREATE INDEX call_status_events_by_call ON call_status_events (tenant_id, call_id, created_at);

CREATE TABLE transcript_lines (
    id                  BIGSERIAL PRIMARY KEY,
    tenant_id           TEXT NOT NULL,
    call_id             TEXT NOT NULL,
    source              TEXT NOT NULL,
    idx                 INTEGER,
    role                TEXT NOT NULL,
    text                TEXT NOT NULL,
    at                  BIGINT NOT NULL,
    seconds_from_start  DOUBLE PRECISION
);
CREATE INDEX transcript_lines_by_call ON transcript_lines (tenant_id, call_id, source, at);
CREATE UNIQUE INDEX transcript_lines_position ON transcript_lines (tenant_id, call_id, source, idx);

CREATE TABLE webhook_events (
    id           BIGSERIAL PRIMARY KEY,
    tenant_id    TEXT NOT NULL,
    provider     TEXT NOT NULL,
    dedupe_key   TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    call_id      TEXT,
    received_at  BIGINT NOT NULL,
    payload      TEXT NOT NULL
);
CREATE UNIQUE INDEX webhook_events_dedupe ON webhook_events (tenant_id, provider, dedupe_key);
CREATE INDEX webhook_events_by_call ON webhook_events (tenant_id, call_id, id);
