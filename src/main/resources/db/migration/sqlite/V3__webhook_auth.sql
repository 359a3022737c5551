-- Switchboard schema v3: webhook authentication per tenant, credentials encrypted at rest, and the webhook
-- delivery log (issue 4). Times are epoch milliseconds (UTC) in both dialects.

-- Secrets (webhook_secret, retell_api_key and, from now on, vapi_public_key) hold 'enc:v1:…' ciphertext
-- (AES-256-GCM under SWITCHBOARD_MASTER_KEY). A vapi_public_key without the prefix is a plaintext value
-- from v2; it keeps working and is encrypted at the next start that has a master key.
ALTER TABLE tenant_settings ADD COLUMN webhook_auth_scheme TEXT NOT NULL DEFAULT 'none';
ALTER TABLE tenant_settings ADD COLUMN webhook_secret TEXT;
ALTER TABLE tenant_settings ADD COLUMN webhook_header TEXT;
ALTER TABLE tenant_settings ADD COLUMN webhook_bearer_prefix INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tenant_settings ADD COLUMN hmac_algorithm TEXT NOT NULL DEFAULT 'sha256';
ALTER TABLE tenant_settings ADD COLUMN hmac_signature_header TEXT;
ALTER TABLE tenant_settings ADD COLUMN hmac_timestamp_header TEXT;
ALTER TABLE tenant_settings ADD COLUMN hmac_signature_prefix TEXT;
ALTER TABLE tenant_settings ADD COLUMN webhook_replay_window_seconds INTEGER NOT NULL DEFAULT 300;
ALTER TABLE tenant_settings ADD COLUMN retell_api_key TEXT;

-- What happened to a tenant's webhook deliveries, for an admin to spot a misconfiguration. Rejections are
-- rows of their own (identical ones within a second are counted in one row); accepted deliveries are
-- summarised, one row per tenant per few seconds of traffic. Never holds a secret or a signature. Kept
-- bounded: the newest rows per tenant and outcome survive, older ones are pruned on write.
CREATE TABLE webhook_deliveries (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id     TEXT NOT NULL,
    provider      TEXT NOT NULL,
    outcome       TEXT NOT NULL,
    message_type  TEXT,
    reason        TEXT,
    detail        TEXT,
    count         INTEGER NOT NULL,
    first_at      INTEGER NOT NULL,
    last_at       INTEGER NOT NULL
);
CREATE INDEX webhook_deliveries_by_tenant ON webhook_deliveries (tenant_id, outcome, id);
