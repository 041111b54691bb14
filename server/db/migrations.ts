// The database schema as an ordered list of migrations. Each runs once, in order,
// inside one write transaction at open, and is recorded in schema_migrations.
import type Database from 'better-sqlite3';

export interface Migration {
  /** Strictly increasing; never renumber or edit a migration that has shipped. */
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'routes and immutable route revisions',
    sql: `
      -- A route's lifecycle: draft (never shown), published (visitors see its
      -- latest published revision), archived (withdrawn, history kept).
      CREATE TABLE routes (
        id            TEXT PRIMARY KEY CHECK (length(id) BETWEEN 3 AND 64),
        status        TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
        display_order INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

      -- Every save is a new revision; a revision's content never changes, so a
      -- baked frame set or a visitor's link can name exactly what it showed.
      CREATE TABLE route_revisions (
        route_id     TEXT NOT NULL REFERENCES routes (id) ON DELETE CASCADE,
        revision     INTEGER NOT NULL CHECK (revision >= 1),
        route_json   TEXT NOT NULL CHECK (json_valid(route_json) AND json_extract(route_json, '$.id') = route_id),
        published    INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
        created_at   TEXT NOT NULL,
        published_at TEXT,
        PRIMARY KEY (route_id, revision),
        CHECK ((published = 1) = (published_at IS NOT NULL))
      ) STRICT;

      CREATE INDEX route_revisions_by_published ON route_revisions (route_id, published, revision);

      CREATE TRIGGER route_revisions_content_is_immutable
      BEFORE UPDATE OF route_id, revision, route_json, created_at ON route_revisions
      BEGIN
        SELECT RAISE(ABORT, 'route revisions are immutable: save a new revision instead');
      END;

      -- Curated routes already seeded once. Seeding skips these even after staff
      -- delete the route, so a deletion is never undone by a restart.
      CREATE TABLE curated_route_seeds (
        route_id  TEXT PRIMARY KEY,
        seeded_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'bake jobs: a durable queue with leases and heartbeats',
    sql: `
      -- One job per (route revision, profile, scene version): a new revision or a new
      -- scene version is a new bake, and the old one's record stays.
      -- A running job is leased to one worker until lease_expires_at_ms (epoch ms); a
      -- worker that dies stops renewing it, and another may claim the job after that.
      -- attempts counts tries that failed or whose worker was lost.
      CREATE TABLE bake_jobs (
        id                  INTEGER PRIMARY KEY,
        route_id            TEXT NOT NULL,
        revision            INTEGER NOT NULL,
        profile_id          TEXT NOT NULL,
        scene_version       TEXT NOT NULL CHECK (length(scene_version) BETWEEN 1 AND 128),
        status              TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
        frames_done         INTEGER NOT NULL DEFAULT 0 CHECK (frames_done >= 0),
        frames_total        INTEGER NOT NULL CHECK (frames_total >= 1),
        frames_per_second   REAL CHECK (frames_per_second IS NULL OR frames_per_second >= 0),
        attempts            INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        lease_owner         TEXT,
        lease_expires_at_ms INTEGER,
        heartbeat_at        TEXT,
        error               TEXT,
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        started_at          TEXT,
        finished_at         TEXT,
        UNIQUE (route_id, revision, profile_id, scene_version),
        FOREIGN KEY (route_id, revision) REFERENCES route_revisions (route_id, revision) ON DELETE CASCADE,
        CHECK (frames_done <= frames_total),
        CHECK ((status = 'running') = (lease_owner IS NOT NULL)),
        CHECK ((lease_owner IS NULL) = (lease_expires_at_ms IS NULL))
      ) STRICT;

      CREATE INDEX bake_jobs_by_status ON bake_jobs (status, created_at, id);
    `,
  },
  {
    version: 3,
    name: 'staff accounts, sessions, login attempts and the one-time setup link',
    sql: `
      -- Studio staff. Emails are stored normalised (trimmed, lower case), so the
      -- UNIQUE constraint is case-insensitive in effect. A removed member's row is
      -- deleted; anything that must outlive them (an audit line) keeps its own copy
      -- of the email rather than a foreign key.
      CREATE TABLE staff_members (
        id            INTEGER PRIMARY KEY,
        email         TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(trim(email))),
        role          TEXT NOT NULL CHECK (role IN ('curator', 'admin')),
        display_name  TEXT CHECK (display_name IS NULL OR length(display_name) BETWEEN 1 AND 120),
        password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

      -- Only the SHA-256 of a session token is stored: a copy of this file does not
      -- let anyone sign in. A session ends at whichever comes first of its sliding
      -- idle expiry and its absolute expiry (epoch ms).
      CREATE TABLE staff_sessions (
        id                     INTEGER PRIMARY KEY,
        staff_id               INTEGER NOT NULL REFERENCES staff_members (id) ON DELETE CASCADE,
        token_sha256           TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
        created_at_ms          INTEGER NOT NULL,
        last_seen_at_ms        INTEGER NOT NULL,
        idle_expires_at_ms     INTEGER NOT NULL,
        absolute_expires_at_ms INTEGER NOT NULL,
        CHECK (idle_expires_at_ms <= absolute_expires_at_ms)
      ) STRICT;

      CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

      -- Every login attempt, for throttling per account and per client address.
      -- email is what was typed (normalised), whether or not such an account exists.
      CREATE TABLE staff_login_attempts (
        id             INTEGER PRIMARY KEY,
        email          TEXT NOT NULL,
        client_address TEXT NOT NULL,
        succeeded      INTEGER NOT NULL CHECK (succeeded IN (0, 1)),
        at_ms          INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX staff_login_attempts_by_email ON staff_login_attempts (email, at_ms);
      CREATE INDEX staff_login_attempts_by_address ON staff_login_attempts (client_address, at_ms);

      -- The one-time link that creates the first admin when there is none. Stored
      -- hashed like session tokens; used_at_ms is set the moment it is spent.
      CREATE TABLE staff_setup_tokens (
        id            INTEGER PRIMARY KEY,
        token_sha256  TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
        created_at_ms INTEGER NOT NULL,
        expires_at_ms INTEGER NOT NULL,
        used_at_ms    INTEGER
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'route audit log: who created, saved, published, restored, archived or duplicated which route revision',
    sql: `
      -- Append-only: one line per studio action on a route. The staff member's email is
      -- copied, not referenced, so the line outlives the account; route_id has no foreign
      -- key either, so the history of a deleted route stays readable.
      CREATE TABLE route_audit_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        staff_id    INTEGER NOT NULL,
        staff_email TEXT NOT NULL CHECK (length(staff_email) BETWEEN 3 AND 254),
        action      TEXT NOT NULL CHECK (action IN ('created', 'saved', 'published', 'restored', 'archived', 'unarchived', 'duplicated')),
        route_id    TEXT NOT NULL,
        revision    INTEGER CHECK (revision IS NULL OR revision >= 1),
        -- The other revision or route the action came from (restored from, duplicated from).
        source_route_id TEXT,
        source_revision INTEGER
      ) STRICT;

      CREATE INDEX route_audit_log_by_route ON route_audit_log (route_id, id);

      CREATE TRIGGER route_audit_log_is_append_only_update
      BEFORE UPDATE ON route_audit_log
      BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;

      CREATE TRIGGER route_audit_log_is_append_only_delete
      BEFORE DELETE ON route_audit_log
      BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;
    `,
  },
];

/** Applies every migration newer than the database's version; a no-op when up to date. */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertStrictlyIncreasing(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const appliedVersions = db.prepare('SELECT version FROM schema_migrations').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');

  // IMMEDIATE takes the write lock before reading the applied versions, so two
  // processes opening a fresh file at once cannot both run migration 1.
  const migrate = db.transaction((): number[] => {
    const applied = new Set(appliedVersions.all() as number[]);
    const newlyApplied: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
  return migrate.immediate();
}

function assertStrictlyIncreasing(migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version <= migrations[i - 1].version) {
      throw new Error(`Migration versions must strictly increase: ${migrations[i - 1].version} then ${migrations[i].version}`);
    }
  }
}
