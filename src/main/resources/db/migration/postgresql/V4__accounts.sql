-- Switchboard schema v4: user accounts, their roles per tenant, and server-side sessions (issue 4).
-- Times are epoch milliseconds (UTC) in both dialects.

-- A person who signs in. The password is stored only as an Argon2id hash (PHC string). agency_admin (0/1)
-- sees and manages every tenant.
CREATE TABLE users (
    id                   BIGSERIAL PRIMARY KEY,
    email                TEXT NOT NULL,
    password_hash        TEXT NOT NULL,
    agency_admin         INTEGER NOT NULL DEFAULT 0 CHECK (agency_admin IN (0, 1)),
    created_at           BIGINT NOT NULL,
    password_changed_at  BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

-- What a user may do in one tenant.
CREATE TABLE memberships (
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tenant_id  TEXT NOT NULL REFERENCES tenants (id),
    role       TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'viewer')),
    PRIMARY KEY (user_id, tenant_id)
);

-- A signed-in browser. Only a SHA-256 hash of the cookie's token is stored, so a copy of the database
-- cannot be used to sign in. csrf_token is sent back by the browser on every cookie-authenticated write.
CREATE TABLE sessions (
    token_hash      TEXT PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token      TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    last_seen_at    BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    client_address  TEXT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- A program's access to one tenant. The key is shown once; only its SHA-256 is kept, found by its
-- non-secret prefix. scope: read, or control (read + listen + act on calls).
CREATE TABLE api_keys (
    id            BIGSERIAL PRIMARY KEY,
    tenant_id     TEXT NOT NULL REFERENCES tenants (id),
    name          TEXT NOT NULL,
    prefix        TEXT NOT NULL UNIQUE,
    key_hash      TEXT NOT NULL,
    scope         TEXT NOT NULL CHECK (scope IN ('read', 'control')),
    created_by    TEXT,
    created_at    BIGINT NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT
);
CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, id);

-- Short-lived, single-use tickets that let a program (which cannot rely on cookies) open a WebSocket:
-- obtained over REST with its key, then passed as ?ticket=… on the upgrade. Only the hash is kept.
CREATE TABLE ws_tickets (
    ticket_hash  TEXT PRIMARY KEY,
    user_id      BIGINT,
    api_key_id   BIGINT,
    expires_at   BIGINT NOT NULL
);
