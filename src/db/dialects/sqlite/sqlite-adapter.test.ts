import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteAdapter } from './sqlite-adapter.js';

// SQLite only: PostgreSQL's transactions do not upgrade from reader to writer.
describe('SQLite transactions', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('survive another connection writing between their first read and first write', async () => {
    dir = mkdtempSync(join(tmpdir(), 'galley-sqlite-'));
    const file = join(dir, 'galley.db');
    const db = new SqliteAdapter(file).createKysely();
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    // Another connection (another thread or process), impatient: it does not wait for locks.
    const other = new BetterSqlite3(file);
    other.pragma('busy_timeout = 0');
    let otherWrote = false;
    try {
      await db.transaction().execute(async (trx) => {
        await sql`select count(*) from notes`.execute(trx);
        try {
          other.prepare(`insert into notes (body) values ('from elsewhere')`).run();
          otherWrote = true;
        } catch (error) {
          // This transaction holds the write lock: the other writer must wait its turn.
          expect((error as { code?: string }).code).toBe('SQLITE_BUSY');
        }
        // A deferred transaction would fail here with "database is locked" had the other
        // connection committed since its read.
        await sql`insert into notes (body) values ('mine')`.execute(trx);
      });
      const bodies = await sql<{ body: string }>`select body from notes`.execute(db);
      expect(bodies.rows.map((row) => row.body)).toEqual(['mine']);
      expect(otherWrote).toBe(false);
      // Once the transaction is over, the other connection writes as usual.
      other.prepare(`insert into notes (body) values ('from elsewhere')`).run();
    } finally {
      other.close();
      await db.destroy();
    }
  });
});
