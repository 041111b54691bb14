// A free TCP port on loopback for a test or bench server: bound once by the system, then
// released for the server to take (another process could take it between; rare on loopback).
import net from 'node:net';

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
