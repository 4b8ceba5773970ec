-- Server-side state for sign-out, revocable portal links and per-tenant limits.

-- A dashboard or portal browser session: the cookie names one row; signing out revokes it.
CREATE TABLE sessions (
  id             TEXT PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('admin', 'key', 'portal')),
  tenant_id      TEXT,
  portal_link_id TEXT,
  created_at     BIGINT NOT NULL,
  expires_at     BIGINT NOT NULL,
  revoked_at     BIGINT
);
CREATE INDEX sessions_tenant ON sessions (tenant_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- A customer portal link: its token names one row, so it can be listed and revoked.
CREATE TABLE portal_links (
  id          TEXT PRIMARY KEY,
  tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  environment TEXT NOT NULL,
  app_id      TEXT NOT NULL,
  read_only   BIGINT NOT NULL DEFAULT 0,
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  revoked_at  BIGINT
);
CREATE INDEX portal_links_app ON portal_links (tenant_id, environment, app_id, id);
CREATE INDEX portal_links_expiry ON portal_links (expires_at);

-- The admin's overrides of the default limits for one tenant (JSON object of TenantLimits fields).
CREATE TABLE tenant_limits (
  tenant_id  TEXT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  limits     TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Rate-limit windows shared by every process: each adds what it counted locally, in batches.
CREATE UNLOGGED TABLE rate_counters (
  key          TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  count        BIGINT NOT NULL,
  PRIMARY KEY (key, window_start)
);
