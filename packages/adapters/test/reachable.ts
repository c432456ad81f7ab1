/**
 * Fail fast when an engine's env var is set but nothing listens there: gRPC clients (Pub/Sub)
 * otherwise wait for the server forever and the test run hangs instead of failing.
 * @module
 */
import { connect } from 'node:net';

export async function assertReachable(hostPort: string, what: string, timeoutMs = 3_000): Promise<void> {
  const [host, port] = hostPort.includes('://')
    ? [new URL(hostPort).hostname, new URL(hostPort).port]
    : [hostPort.slice(0, hostPort.lastIndexOf(':')), hostPort.slice(hostPort.lastIndexOf(':') + 1)];
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port: Number(port) });
    const timer = setTimeout(() => fail(new Error('timed out')), timeoutMs);
    function fail(err: Error) {
      clearTimeout(timer);
      socket.destroy();
      reject(new Error(`${what} is set to ${hostPort} but nothing answers there (${err.message}); start it or unset the variable`));
    }
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.end();
      resolve();
    });
    socket.once('error', fail);
  });
}
