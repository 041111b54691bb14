// A write refused because it would repeat a unique key, in either engine's words, so a
// store answers the same 409 whether SQLite or PostgreSQL caught it.

export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  // SQLite names primary keys apart from UNIQUE constraints; Postgres has one SQLSTATE for both.
  return error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || error.code === '23505';
}
