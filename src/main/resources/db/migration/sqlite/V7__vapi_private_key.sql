-- Switchboard schema v7: the tenant's Vapi private key (for Vapi's REST API: call sync and backfill), a
-- secret like the others: 'enc:v1:…' ciphertext (AES-256-GCM under SWITCHBOARD_MASTER_KEY), never returned by
-- the API (only whether it is set and its last four characters).
ALTER TABLE tenant_settings ADD COLUMN vapi_private_key TEXT;
