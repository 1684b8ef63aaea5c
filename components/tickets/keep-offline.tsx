'use client';
// Keeps the ticket pages for when the venue has no reception: registers the service worker
// (public/ticket-sw.js), then stores this very page and the scripts and styles it loaded, which
// arrived before the worker could see them. Later visits are kept by the worker itself.
import { useEffect } from 'react';

export const OFFLINE_CACHE = 'openseat-offline-v1';

export function KeepOffline() {
  useEffect(() => {
    if (!('serviceWorker' in navigator) || !('caches' in window)) return;
    let cancelled = false;
    navigator.serviceWorker
      .register('/ticket-sw.js', { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .then(async () => {
        if (cancelled) return;
        const assets = performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name))
          .filter((url) => url.origin === location.origin && url.pathname.startsWith('/_next/static/'))
          .map((url) => url.pathname);
        const cache = await caches.open(OFFLINE_CACHE);
        await cache.addAll([location.pathname, ...new Set(assets)]);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return null;
}
