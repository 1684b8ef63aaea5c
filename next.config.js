// @ts-check
import createNextIntlPlugin from 'next-intl/plugin';

// next-intl reads the request's language and catalog from i18n/request.ts.
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** Security headers on every response the gateway serves. */
const securityHeaders = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Server-only packages with native parts or WebAssembly stay out of the bundle.
  serverExternalPackages: ['@prisma/client', '@prisma/adapter-pg', 'pg', 'ioredis', 'pino', '@node-rs/argon2', 'kafkajs'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
