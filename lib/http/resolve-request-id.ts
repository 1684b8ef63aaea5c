// One request id per request, end to end: the caller's x-request-id when it is a sane token (so a
// load balancer's id carries through the edge, the gateway and the worker API), a new UUID otherwise.
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function resolveRequestId(given: string | null | undefined): string {
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
