// Service worker for the pages a fan or a door needs without reception: My tickets, each ticket
// (its QR code is inline SVG in the page) and the scanner. Those pages are network-first (a fresh
// copy whenever there is a network), falling back to the last copy kept; the build's static files
// are immutable, so they are served from the cache once kept. Everything else is left alone.
const CACHE = 'openseat-offline-v1';
const OFFLINE_PAGES = /^\/(tickets(\/[^/]+)?|staff\/scan)\/?$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/_next/static/')) {
    event.respondWith(
      caches.match(request).then(
        (kept) =>
          kept ??
          fetch(request).then((response) => {
            if (response.ok) caches.open(CACHE).then((cache) => cache.put(request, response.clone()));
            return response;
          }),
      ),
    );
    return;
  }
  if (request.mode === 'navigate' && OFFLINE_PAGES.test(url.pathname)) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          // A redirect (signed out) or an error page is not a ticket: keep the last good copy.
          if (response.ok && !response.redirected) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
          }
          return response;
        })
        .catch(() => caches.match(url.pathname).then((kept) => kept ?? Response.error())),
    );
  }
});
