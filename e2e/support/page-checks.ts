// What every page of the journey must satisfy: speaks one language, passes axe without serious
// or critical violations, logs no console error and no failed request.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;
/** Latin words Korean pages use on purpose: the brand, grade and unit abbreviations. */
const KO_LATIN_ALLOWED = new Set(['OpenSeat', 'VIP', 'UTC', 'IANA', 'JSON', 'CSV', 'Google']);

/**
 * Words that may appear in either language because they are data, not UI: titles, names,
 * venues, sections typed by organisers. Gathered from the API, so a UI string can never hide here.
 */
export async function collectDataWords(page: Page, extra: string[] = []): Promise<Set<string>> {
  const request = page.request;
  const texts: string[] = [...extra];
  const { events } = (await (await request.get('/api/events?limit=50')).json()) as { events: { slug: string; title: string; artist: string | null; venue: string; city: string }[] };
  for (const event of events) {
    texts.push(event.title, event.artist ?? '', event.venue, event.city);
    const detail = (await (await request.get(`/api/events/${event.slug}`)).json()).event as {
      description: string;
      artist: { name: string } | null;
      performances: { id: string; hall: { id: string; name: string; venue: string; city: string } }[];
    };
    texts.push(detail.description, detail.artist?.name ?? '');
    for (const p of detail.performances) {
      texts.push(p.hall.name, p.hall.venue, p.hall.city);
      const { performance } = (await (await request.get(`/api/catalog/performances/${p.id}`)).json()) as { performance: { hall: { id: string; seatMapVersion: number } } };
      const map = (await (await request.get(`/api/catalog/halls/${performance.hall.id}/seat-map?v=${performance.hall.seatMapVersion}`)).json()) as { sections: string[] };
      texts.push(...map.sections);
    }
  }
  const words = new Set<string>();
  for (const text of texts) for (const word of text.match(/[A-Za-z]{2,}|[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+/g) ?? []) words.add(word.toLowerCase());
  return words;
}

/**
 * Visible text plus the accessible names and placeholders a screen reader or form shows, minus
 * subtrees in another language (the switcher) and identifiers marked translate="no" (zone ids,
 * file formats, event types).
 */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const foreign = (el: Element | null) => {
      const holder = el?.closest('[lang]');
      if (el?.closest('[translate="no"]')) return true;
      return !!holder && holder !== document.documentElement && holder.getAttribute('lang') !== pageLang;
    };
    const parts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || foreign(el) || el.closest('script, style, noscript, template')) continue;
      if (!el.checkVisibility({ visibilityProperty: true }) && !el.closest('.sr-only')) continue;
      parts.push(node.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (foreign(el)) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) parts.push(el.getAttribute(name) ?? '');
    }
    return parts.join('\n');
  });
}

export async function expectOneLanguage(page: Page, locale: 'ko' | 'en', dataWords: Set<string>) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  const text = await pageText(page);
  const stray =
    locale === 'en'
      ? (text.match(HANGUL) ?? []).filter((word) => !dataWords.has(word))
      : (text.match(LATIN_WORD) ?? []).filter((word) => !dataWords.has(word.toLowerCase()) && !KO_LATIN_ALLOWED.has(word));
  expect([...new Set(stray)], `${locale} page ${page.url()} shows words of the other language`).toEqual([]);
}

export async function expectAccessible(page: Page) {
  // Legacy mode runs axe in the page itself: the pages have no iframes, and the default mode's
  // extra blank page doubled the seat map's check (≈ 95 s for 600 seats on a loaded 2-core CI).
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/** Collects console errors and failed or 4xx/5xx responses for the page's whole life. */
export function watchForErrors(page: Page): () => string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} @ ${page.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // A navigation cancels the previous page's polls: not an error of either page.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  return () => problems;
}

/** The page must fit the viewport's width: nothing to scroll sideways at 360 px. */
export async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client);
}
