// Vitest stand-in for the `server-only` marker package, whose default export throws outside
// Next's server bundles: route handlers are tested in-process, on the server, where it is a no-op.
export {};
