// Starts the npm gRPC Firestore emulator on a free port for the emulator test project.
// Each test file then uses its own project id (see test/support/emulator.ts), so files run in parallel.
const net = require('node:net');
const { FirestoreServer } = require('@firestore-emulator/server');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

module.exports = async function globalSetup() {
  const port = await freePort();
  const server = new FirestoreServer();
  await server.start(port);
  globalThis.__HUIXIANG_FIRESTORE__ = server;
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  // Suites write org and config documents directly between cases: read them fresh. The cache
  // itself is covered by functions/test/store/cache.test.ts and the read-cost benchmark.
  process.env.HX_CACHE_TTL_MS ??= '0';
};
