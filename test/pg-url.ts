/** The same server, another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A database to run CREATE/DROP DATABASE from: the server's `postgres` database. */
export function adminUrl(url: string): string {
  return withDatabase(url, 'postgres');
}
