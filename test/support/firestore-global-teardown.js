module.exports = async function globalTeardown() {
  const server = globalThis.__HUIXIANG_FIRESTORE__;
  if (server) await server.stop();
};
