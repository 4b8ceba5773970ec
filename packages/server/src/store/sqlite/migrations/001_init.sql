-- Herald schema, SQLite dialect. Times are integer milliseconds since the epoch.
-- Every tenant-owned row carries tenant_id + environment so every query can be scoped.

CREATE TABLE tenants (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);

CREATE TABLE api_keys (
  id          TEXT PRIMARY KEY,
  tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  environment TEXT NOT NULL CHECK (environment IN ('test', 'live')),
  name        TEXT NOT NULL,
  key_hash    TEXT NOT NULL UNIQUE,
  key_hint    TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  revoked_at  INTEGER
);

CREATE TABLE applications (
  id             TEXT PRIMARY KEY,
  tenant_id      TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  environment    TEXT NOT NULL,
  uid            TEXT,
  name           TEXT NOT NULL,
  retry_schedule TEXT,
  metadata       TEXT NOT NULL DEFAULT '{}',
  -- Delivery defaults for the application's endpoints (a preset fills these in).
  signature_scheme     TEXT NOT NULL DEFAULT 'standard',
  scheme_options       TEXT NOT NULL DEFAULT '{}',
  envelope             TEXT NOT NULL DEFAULT '"standard"',
  require_verification INTEGER NOT NULL DEFAULT 0,
  default_timeout_ms   INTEGER,
  message_id_prefix    TEXT NOT NULL DEFAULT 'msg',
  encrypt_data         INTEGER NOT NULL DEFAULT 0,
  preset               TEXT,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  UNIQUE (tenant_id, environment, uid)
);
CREATE INDEX applications_scope ON applications (tenant_id, environment, id);

CREATE TABLE event_types (
  id          TEXT PRIMARY KEY,
  tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  environment TEXT NOT NULL,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  schema      TEXT,
  example     TEXT,
  archived    INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  UNIQUE (tenant_id, environment, name)
);

CREATE TABLE endpoints (
  id              TEXT PRIMARY KEY,
  tenant_id       TEXT NOT NULL,
  environment     TEXT NOT NULL,
  app_id          TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  -- webhook: HTTP POST to url; email and slack are notification channels (seed 002).
  kind            TEXT NOT NULL DEFAULT 'webhook' CHECK (kind IN ('webhook', 'email', 'slack')),
  -- email: {to, from, smtp: {host, port, security, username, sealed_password, reject_unauthorized}}
  channel_config  TEXT,
  url             TEXT NOT NULL,
  description     TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL CHECK (status IN ('enabled', 'disabled', 'pending_verification')),
  disabled_reason TEXT,
  -- NULL = the application's default.
  signature_scheme TEXT,
  scheme_options   TEXT,
  envelope         TEXT,
  encrypt_data     INTEGER,
  -- Set at the first failed attempt since the last success; drives auto-disable and "recovered".
  failing_since    INTEGER,
  verified_at        INTEGER,
  verification_error TEXT,
  filter_types    TEXT,
  timeout_ms      INTEGER NOT NULL,
  retry_schedule  TEXT,
  max_in_flight   INTEGER NOT NULL,
  -- Requests per second across all workers (NULL: no limit), counted in one-second windows.
  rate_limit        INTEGER,
  rate_window_start INTEGER,
  rate_window_count INTEGER NOT NULL DEFAULT 0,
  headers         TEXT NOT NULL DEFAULT '{}',
  metadata        TEXT NOT NULL DEFAULT '{}',
  enabled_at      INTEGER,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  deleted_at      INTEGER
);
CREATE INDEX endpoints_app ON endpoints (app_id, id) WHERE deleted_at IS NULL;
CREATE INDEX endpoints_enabled ON endpoints (id) WHERE status = 'enabled' AND deleted_at IS NULL;

-- Several secrets per endpoint so rotation can keep the old one signing for a grace window.
-- `sealed` is the encrypted key material (the whsec_ HMAC secret and the whsk_ Ed25519 key);
-- `public_key` is the whpk_ key receivers of standard-ed25519 verify with.
CREATE TABLE endpoint_secrets (
  id          TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
  sealed      TEXT NOT NULL,
  hint        TEXT NOT NULL,
  public_key  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER
);
CREATE INDEX endpoint_secrets_endpoint ON endpoint_secrets (endpoint_id, created_at);

CREATE TABLE messages (
  id              TEXT PRIMARY KEY,
  tenant_id       TEXT NOT NULL,
  environment     TEXT NOT NULL,
  app_id          TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  event_type      TEXT NOT NULL,
  event_id        TEXT,
  -- NULL once purged by retention (purged_at says when); the row stays so lookups can answer 410.
  payload         TEXT,
  purged_at       INTEGER,
  -- Pointer payloads (seeds 000/001): the attached record and its format, e.g. "vcon".
  record_id       TEXT,
  record_format   TEXT,
  created_at      INTEGER NOT NULL,
  UNIQUE (app_id, event_id)
);
CREATE INDEX messages_retention ON messages (created_at) WHERE purged_at IS NULL;
CREATE INDEX messages_app ON messages (app_id, id);

CREATE TABLE idempotency_keys (
  tenant_id    TEXT NOT NULL,
  environment  TEXT NOT NULL,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  message_id   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, environment, key)
);

CREATE TABLE deliveries (
  id               TEXT PRIMARY KEY,
  tenant_id        TEXT NOT NULL,
  environment      TEXT NOT NULL,
  app_id           TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  message_id       TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  endpoint_id      TEXT NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
  status           TEXT NOT NULL CHECK (status IN ('pending', 'delivering', 'succeeded', 'failed', 'discarded')),
  attempt_count    INTEGER NOT NULL DEFAULT 0,
  schedule_index   INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER,
  lease_owner      TEXT,
  lease_expires_at INTEGER,
  last_attempt_at  INTEGER,
  last_status_code INTEGER,
  last_error       TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  UNIQUE (message_id, endpoint_id)
);
-- The claim query's index: only unclaimed rows, per endpoint, by due time.
CREATE INDEX deliveries_due ON deliveries (endpoint_id, next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_inflight ON deliveries (endpoint_id, lease_expires_at) WHERE status = 'delivering';
CREATE INDEX deliveries_app ON deliveries (app_id, id);
CREATE INDEX deliveries_endpoint ON deliveries (endpoint_id, status, updated_at);

CREATE TABLE attempts (
  id               TEXT PRIMARY KEY,
  tenant_id        TEXT NOT NULL,
  environment      TEXT NOT NULL,
  app_id           TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  delivery_id      TEXT NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
  message_id       TEXT NOT NULL,
  endpoint_id      TEXT NOT NULL,
  event_type       TEXT NOT NULL,
  attempt_number   INTEGER NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('succeeded', 'failed')),
  url              TEXT NOT NULL,
  request_headers  TEXT NOT NULL,
  response_status  INTEGER,
  response_headers TEXT,
  response_body    TEXT,
  error_class      TEXT,
  error_message    TEXT,
  duration_ms      INTEGER NOT NULL,
  created_at       INTEGER NOT NULL
);
CREATE INDEX attempts_delivery ON attempts (delivery_id, id);
CREATE INDEX attempts_message ON attempts (message_id);
CREATE INDEX attempts_app ON attempts (app_id, id);

-- Per tenant environment: the provider contract new applications and test sends start from
-- (a preset name and/or scheme, scheme options, envelope), as JSON.
CREATE TABLE environment_settings (
  tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  environment TEXT NOT NULL,
  settings    TEXT NOT NULL,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, environment)
);

-- Seed 004: per-application AES-256-GCM keys for the envelope's `data`. One is active (new
-- deliveries are encrypted with it); inactive keys stay listed for receivers' key maps.
CREATE TABLE webhook_keys (
  id          TEXT PRIMARY KEY,
  tenant_id   TEXT NOT NULL,
  environment TEXT NOT NULL,
  app_id      TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  sealed      TEXT NOT NULL,
  hint        TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'retired')),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX webhook_keys_one_active ON webhook_keys (app_id) WHERE status = 'active';
CREATE INDEX webhook_keys_app ON webhook_keys (app_id, id);

-- Pointer payloads: a stored record (bytes in the data dir, named by id), its sha512 content hash
-- and the compact JWS (RS256) Herald signed over its metadata.
CREATE TABLE records (
  id           TEXT PRIMARY KEY,
  tenant_id    TEXT NOT NULL,
  environment  TEXT NOT NULL,
  app_id       TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  jws          TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  purged_at    INTEGER
);
CREATE INDEX records_retention ON records (created_at) WHERE purged_at IS NULL;

-- RS256 keys that sign records; every key not yet removed is published in /.well-known/jwks.json.
CREATE TABLE signing_keys (
  kid            TEXT PRIMARY KEY,
  sealed_private TEXT NOT NULL,
  public_jwk     TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('active', 'retired')),
  created_at     INTEGER NOT NULL
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (status) WHERE status = 'active';
