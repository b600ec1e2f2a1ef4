/**
 * `galley user add` and `galley user reset-password`: staff accounts from the command line, for
 * the first admin of a new installation and for recovering a locked-out one. Both run the same
 * core operations as the Admin API, as the system actor.
 */
import { randomBytes } from 'node:crypto';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import { createStaffUser, resetStaffPassword } from '../core/operations/index.js';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Config } from '../server/config.js';

export interface UserCommandOptions {
  email?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
  passwordStdin?: boolean | undefined;
}

/** The password from standard input (first line), or a new random one that is printed once. */
async function passwordFrom(
  options: UserCommandOptions,
): Promise<{ password: string; isGenerated: boolean }> {
  if (!options.passwordStdin)
    return { password: randomBytes(18).toString('base64url'), isGenerated: true };
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const password = text.split(/\r?\n/)[0] ?? '';
  return { password, isGenerated: false };
}

export async function runUserCommand(
  config: Config,
  subcommand: 'add' | 'reset-password',
  options: UserCommandOptions,
): Promise<void> {
  const adapter = adapterForUrl(config.databaseUrl);
  const db = adapter.createKysely();
  try {
    await migrateToLatest(db, adapter);
    const core = { db, listeners: [], origin: `cli-${process.pid}` };
    const { password, isGenerated } = await passwordFrom(options);
    if (subcommand === 'add') {
      await runOperation(core, createStaffUser, systemActor('cli'), {
        email: options.email,
        name: options.name,
        role: options.role,
        password,
      });
      console.log(`added ${options.role ?? ''} ${options.email ?? ''}`.replace(/\s+/g, ' ').trim());
    } else {
      await runOperation(core, resetStaffPassword, systemActor('cli'), {
        email: options.email,
        password,
      });
      console.log(`reset the password of ${options.email ?? ''} and ended its sessions`);
    }
    // Shown once, never stored in clear or logged.
    if (isGenerated) console.log(`password: ${password}`);
  } finally {
    await db.destroy();
  }
}
