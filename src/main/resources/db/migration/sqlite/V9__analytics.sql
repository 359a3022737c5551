-- Switchboard schema v9: analytics rollups, kept in step with the calls table in the same transaction as each
-- call write (analytics/RollupMaintainer.java) and rebuilt from the raw calls after bulk loads (analytics rebuild).
--
-- One row per tenant per 15-minute UTC slot of created_at ("bucket" = created_at / 900000). Every real time zone's
-- offset, and every daylight-saving change, is a whole multiple of 15 minutes, so a bucket always lies inside exactly
-- one local hour and one local day of any tenant: local days and hours are summed from buckets exactly, across DST.
-- Only ended calls are counted. Costs are integer micro-dollars so adding and removing contributions stays exact.
-- d0..d17 count calls by duration in the fixed bins of analytics/DurationBins.java (distribution and median).

CREATE TABLE analytics_buckets (
    tenant_id          TEXT NOT NULL,
    bucket             INTEGER NOT NULL,
    calls              INTEGER NOT NULL DEFAULT 0,
    answered           INTEGER NOT NULL DEFAULT 0,
    evaluated          INTEGER NOT NULL DEFAULT 0,
    successes          INTEGER NOT NULL DEFAULT 0,
    transferred        INTEGER NOT NULL DEFAULT 0,
    ended_customer     INTEGER NOT NULL DEFAULT 0,
    ended_assistant    INTEGER NOT NULL DEFAULT 0,
    ended_transferred  INTEGER NOT NULL DEFAULT 0,
    ended_unreached    INTEGER NOT NULL DEFAULT 0,
    ended_error        INTEGER NOT NULL DEFAULT 0,
    ended_other        INTEGER NOT NULL DEFAULT 0,
    timed              INTEGER NOT NULL DEFAULT 0,
    duration_ms        INTEGER NOT NULL DEFAULT 0,
    costed             INTEGER NOT NULL DEFAULT 0,
    cost_micros        INTEGER NOT NULL DEFAULT 0,
    d0                 INTEGER NOT NULL DEFAULT 0,
    d1                 INTEGER NOT NULL DEFAULT 0,
    d2                 INTEGER NOT NULL DEFAULT 0,
    d3                 INTEGER NOT NULL DEFAULT 0,
    d4                 INTEGER NOT NULL DEFAULT 0,
    d5                 INTEGER NOT NULL DEFAULT 0,
    d6                 INTEGER NOT NULL DEFAULT 0,
    d7                 INTEGER NOT NULL DEFAULT 0,
    d8                 INTEGER NOT NULL DEFAULT 0,
    d9                 INTEGER NOT NULL DEFAULT 0,
    d10                INTEGER NOT NULL DEFAULT 0,
    d11                INTEGER NOT NULL DEFAULT 0,
    d12                INTEGER NOT NULL DEFAULT 0,
    d13                INTEGER NOT NULL DEFAULT 0,
    d14                INTEGER NOT NULL DEFAULT 0,
    d15                INTEGER NOT NULL DEFAULT 0,
    d16                INTEGER NOT NULL DEFAULT 0,
    d17                INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, bucket)
) WITHOUT ROWID;

-- Numeric structured-data fields (e.g. nps_score): how many ended calls had the field and their sum (micro-units).
CREATE TABLE analytics_field_buckets (
    tenant_id     TEXT NOT NULL,
    bucket        INTEGER NOT NULL,
    field         TEXT NOT NULL,
    n             INTEGER NOT NULL DEFAULT 0,
    total_micros  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, bucket, field)
) WITHOUT ROWID;

-- Calls stored before this version are counted by a full rebuild when the server starts (and this row is removed).
CREATE TABLE analytics_pending_rebuild (
    reason  TEXT PRIMARY KEY
);
INSERT INTO analytics_pending_rebuild (reason) VALUES ('schema v9');
