/**
 * Tables of the identity module that are not projections: secrets and session state are not
 * domain facts (the facts about them are events), so they live beside the read models.
 */
export const IDENTITY_TABLES_DDL = [
  `CREATE TABLE IF NOT EXISTS identity_credentials (
     user_id text PRIMARY KEY,
     password_hash text NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS identity_sessions (
     id_hash text PRIMARY KEY,
     user_id text NOT NULL,
     csrf_token text NOT NULL,
     created_at timestamptz NOT NULL,
     last_seen_at timestamptz NOT NULL,
     absolute_expires_at timestamptz NOT NULL,
     ip text
   )`,
  `CREATE TABLE IF NOT EXISTS identity_api_tokens (
     id text PRIMARY KEY,
     owner_id text NOT NULL,
     name text NOT NULL,
     token_hash text NOT NULL UNIQUE,
     created_at timestamptz NOT NULL,
     expires_at timestamptz NOT NULL,
     last_used_at timestamptz,
     revoked_at timestamptz
   )`,
  `CREATE TABLE IF NOT EXISTS identity_login_failures (
     user_id text PRIMARY KEY,
     failures integer NOT NULL,
     locked_until timestamptz
   )`,
  `CREATE TABLE IF NOT EXISTS identity_ip_limits (
     key varchar(255) PRIMARY KEY,
     points integer NOT NULL DEFAULT 0,
     expire bigint
   )`,
];

/** Created through createIndexIfMissing: CREATE INDEX IF NOT EXISTS locks the table even when it exists. */
export const IDENTITY_SESSIONS_USER_INDEX = `CREATE INDEX IF NOT EXISTS identity_sessions_user ON identity_sessions (user_id)`;
