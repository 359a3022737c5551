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
