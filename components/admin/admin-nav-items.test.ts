import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../lib/i18n/get-translator';
import { ADMIN_NAV } from './admin-nav-items';

const ADMIN_DIR = path.resolve(__dirname, '../../app/admin');

/** Every page under app/admin as its route, e.g. /admin/payments/[id]. */
function adminPages(dir = ADMIN_DIR, route = '/admin'): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  return entries.flatMap((entry) =>
    entry.isDirectory() ? adminPages(path.join(dir, entry.name), `${route}/${entry.name}`) : entry.name === 'page.tsx' ? [route] : [],
  );
}

/** The source of every file in a page's folder (not its subfolders): where its links are written. */
const sourcesOf = (route: string) => {
  const dir = path.join(ADMIN_DIR, route.slice('/admin'.length));
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tsx'))
    .map((e) => readFileSync(path.join(dir, e.name), 'utf8'))
    .join('\n');
};

describe('the admin navigation', () => {
  const pages = adminPages();
  const navigable = new Set<string>(ADMIN_NAV.map((item) => item.href));

  it('finds the admin pages it checks', () => {
    expect(pages).toEqual(expect.arrayContaining(['/admin', '/admin/waiting-room', '/admin/users', '/admin/audit', '/admin/payments/[id]']));
  });

  it('lists every admin page without a path parameter', () => {
    const missing = pages.filter((route) => !route.includes('[') && !navigable.has(route));
    expect(missing).toEqual([]);
  });

  it('reaches every page of one object from its list, which the navigation lists', () => {
    for (const route of pages.filter((r) => r.includes('['))) {
      const list = route.slice(0, route.indexOf('/['));
      expect(navigable.has(list), `${route}: its list ${list} is not in the navigation`).toBe(true);
      expect(sourcesOf(list), `${list} does not link to ${route}`).toContain(`${list}/\${`);
    }
  });

  it('has a label for every entry in both languages', () => {
    for (const catalog of [catalogs.ko, catalogs.en]) {
      for (const item of ADMIN_NAV) {
        const label = item.label.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], catalog);
        expect(typeof label, item.label).toBe('string');
      }
    }
  });
});
