// GET /health/live for a process without the api role (admission, reservations, payments,
// relay, stats on their own): the container health check asks it whether the loops still turn.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { livenessReport } from './liveness-report';

export async function startLivenessServer({ port, host = '127.0.0.1' }: { port: number; host?: string }): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/health/live') {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'not_found' } }));
      return;
    }
    const report = livenessReport(Date.now());
    response.writeHead(report.status, { 'content-type': 'application/json' }).end(JSON.stringify(report.body));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
