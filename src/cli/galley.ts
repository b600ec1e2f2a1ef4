/**
 * The `galley` command. Exit codes follow sysexits(3): 0 ok, 64 usage, 65 bad data,
 * 69 unavailable (database unreachable), 78 configuration.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import { migrateToLatest } from '../db/migrate.js';
import { isDatabaseEmpty, loadDemo } from '../demo/load-demo.js';
import { GalleyError } from '../core/errors.js';
import { consoleLogger, redact } from '../lib/log.js';
import { LocalMediaStore } from '../media/media-store.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { createGalley } from '../server/create-galley.js';
import { createNodeServer, listen } from '../server/node-server.js';
import { runUserCommand } from './user-commands.js';
import { runImportCommand } from './import-command.js';

const EXIT = { ok: 0, usage: 64, dataError: 65, unavailable: 69, config: 78 } as const;

const HELP = `Usage: galley <command> [options]

Commands:
  serve     Start the web server (migrates the database first; loads demo content into an
            empty database unless GALLEY_DEMO=0)
  migrate   Bring the database schema up to date, then exit
  demo      Load the demo content into an empty database, then exit
  user add --email <email> --name <name> --role <contributor|author|editor|admin>
            Add a staff account; prints a new password once (or reads one line from
            standard input with --password-stdin)
  user reset-password --email <email>
            Set a new password (printed once, or --password-stdin) and end the account's sessions
  import FILE.json | FOLDER | - [--publish] [--section <slug>] [--locale <en|es>]
            Import IPTC ninjs 3.x documents (wire copy) as drafts, or published with --publish;
            the same document twice changes nothing. One line per document; exits 65 if any
            was invalid

Options:
  -h, --help  Show this help

Configuration comes from the environment (see README): PORT, HOST, DATA_DIR, DATABASE_URL,
PUBLIC_URL, GALLEY_DEMO, and optionally GALLEY_CONFIG=<file.json>.
`;

async function serve(): Promise<void> {
  const config = loadConfig();
  const galley = await createGalley(config);
  const server = createNodeServer(galley);
  const port = await listen(server, config.port, config.host);
  consoleLogger.info(
    `Galley is serving ${galley.adapter.description} at http://${config.host}:${port}/ (public URL ${config.publicUrl})`,
  );
  const beaconUrl = await galley.analytics?.beaconUrl;
  if (beaconUrl) {
    consoleLogger.info(
      `analytics beacons are also taken at ${beaconUrl}, on a thread of their own`,
    );
    // That port is meant to sit behind a proxy; without trusted proxies, the proxy would be
    // every reader (one visitor, one rate-limit bucket).
    if (!config.trustedProxies?.length)
      consoleLogger.error(
        'GALLEY_TRUSTED_PROXIES is not set: behind a proxy, every beacon would come from the proxy’s address (one visitor, one rate limit); list your proxies there',
      );
  }
  const staff = await galley.db.selectFrom('staff_users').select('id').limit(1).execute();
  if (staff.length === 0)
    consoleLogger.info(
      'no staff accounts yet: create the first admin with `npx galley user add --role admin --email you@example.com --name "Your Name"`',
    );
  const isEmpty = await isDatabaseEmpty(galley.core);
  if (isEmpty)
    consoleLogger.info(
      'the database has no publication yet: run `galley demo` to load the demo content',
    );
  const stop = (signal: string) => {
    consoleLogger.info(`${signal}: shutting down`);
    server.close(() => void galley.close().then(() => process.exit(EXIT.ok)));
    // Keep-alive connections can hold close() open; do not wait for them forever.
    setTimeout(() => process.exit(EXIT.ok), 5000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function migrate(): Promise<void> {
  const config = loadConfig();
  const adapter = adapterForUrl(config.databaseUrl);
  const db = adapter.createKysely();
  try {
    const result = await migrateToLatest(db, adapter);
    const applied =
      result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
    console.log(
      applied.length ? `applied: ${applied.join(', ')}` : `${adapter.description} is up to date`,
    );
  } finally {
    await db.destroy();
  }
}

async function demo(): Promise<number> {
  const config = loadConfig();
  const adapter = adapterForUrl(config.databaseUrl);
  const db = adapter.createKysely();
  try {
    await migrateToLatest(db, adapter);
    const core = { db, listeners: [], origin: `cli-${process.pid}` };
    if (!(await isDatabaseEmpty(core))) {
      console.error(
        'the database already has a publication; demo content goes only into an empty database',
      );
      return EXIT.dataError;
    }
    const { articles } = await loadDemo(core, new LocalMediaStore(join(config.dataDir, 'media')));
    console.log(`loaded demo content: ${articles} articles`);
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        help: { type: 'boolean', short: 'h' },
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        publish: { type: 'boolean' },
        section: { type: 'string' },
        locale: { type: 'string' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return EXIT.usage;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === 'help') {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (rest.length > (command === 'user' || command === 'import' ? 1 : 0)) {
    console.error(`unexpected argument: ${rest[0]}\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    switch (command) {
      case 'serve':
        await serve();
        return EXIT.ok;
      case 'migrate':
        await migrate();
        return EXIT.ok;
      case 'demo':
        return await demo();
      case 'user':
        if (rest[0] !== 'add' && rest[0] !== 'reset-password') {
          console.error(`usage: galley user add | galley user reset-password\n\n${HELP}`);
          return EXIT.usage;
        }
        await runUserCommand(loadConfig(), rest[0], {
          email: parsed.values.email,
          name: parsed.values.name,
          role: parsed.values.role,
          passwordStdin: parsed.values['password-stdin'],
        });
        return EXIT.ok;
      case 'import':
        return await runImportCommand(
          loadConfig(),
          rest[0],
          {
            publish: parsed.values.publish === true,
            section: parsed.values.section,
            locale: parsed.values.locale,
          },
          process,
        );
      case undefined:
        process.stderr.write(HELP);
        return EXIT.usage;
      default:
        console.error(`unknown command "${command}"\n\n${HELP}`);
        return EXIT.usage;
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`configuration: ${error.message}`);
      return EXIT.config;
    }
    if (error instanceof GalleyError) {
      console.error(redact(error.message));
      return EXIT.dataError;
    }
    const code = errnoCode(error);
    console.error(`galley ${command}: ${redact((error as Error).message)}`);
    return code === 'ECONNREFUSED' || code === 'EADDRINUSE' || code === 'EACCES'
      ? EXIT.unavailable
      : 1;
  }
}

/** The errno code of an error or of any error in its `cause` chain (migration errors wrap the driver's). */
function errnoCode(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code) return code;
  }
  return undefined;
}

const code = await main(process.argv.slice(2));
// `serve` keeps running; every other command ends here.
if (code !== EXIT.ok || process.argv[2] !== 'serve') process.exitCode = code;
