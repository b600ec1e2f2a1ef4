/**
 * Starts `server` listening and resolves with the port it got (the one asked for, or the one the
 * system chose for 0); rejects if it cannot listen (EADDRINUSE, EACCES).
 *
 * @example
 * const port = await listen(createServer(handler), 0, '127.0.0.1');
 */
import type { Server } from 'node:http';

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}
