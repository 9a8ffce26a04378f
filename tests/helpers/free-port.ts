import { createServer, type AddressInfo } from 'node:net';

/** A loopback port nothing listens on: it was free a moment ago, which is all a test needs. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
