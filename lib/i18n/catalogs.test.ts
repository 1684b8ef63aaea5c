import { describe, expect, it } from 'vitest';
import { catalogs } from './get-translator';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
// An argument opens with `{name`; `one {person}` is a plural branch's text, not an argument.
const ICU_ARGS = /(?<!(?:zero|one|two|few|many|other|=\d+)\s?)\{(\w+)/g;

describe('message catalogs', () => {
  const ko = leaves(catalogs.ko as Tree);
  const en = leaves(catalogs.en as Tree);

  it('have the same keys in both languages', () => {
    expect([...en.keys()].sort()).toEqual([...ko.keys()].sort());
  });

  it('speak one language per catalog: no Hangul in English strings, no empty strings', () => {
    for (const [key, value] of en) {
      expect(value, key).not.toBe('');
      expect(HANGUL.test(value), `${key}: ${value}`).toBe(false);
    }
    for (const [key, value] of ko) expect(value, key).not.toBe('');
  });

  it('write Korean strings without English words, apart from the brand and a few abbreviations', () => {
    // Bank names are brands written in Latin letters in Korean too (KB국민은행, SC제일은행, Sh수협은행).
    const allowed = new Set(['OpenSeat', 'PortOne', 'Google', 'VIP', 'UTC', 'IANA', 'JSON', 'CSV', 'ID', 'QR', 'KDB', 'IBK', 'KB', 'NH', 'SC', 'Sh', 'iM']);
    const prose = (text: string) => {
      let out = text.replace(/<\/?\w+>/g, '');
      while (/\{[^{}]*\}/.test(out)) out = out.replace(/\{[^{}]*\}/g, '');
      return out;
    };
    for (const [key, value] of ko) {
      const words = (prose(value).match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w));
      expect(words, `${key}: ${value}`).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of ko) {
      const args = (text: string) => [...new Set([...text.matchAll(ICU_ARGS)].map((m) => m[1]))].sort();
      expect(args(en.get(key)!), key).toEqual(args(value));
    }
  });
});
