'use client';
// reCAPTCHA v3 in the browser: loads Google's script once and asks for a token per action.
// Without a site key (the demo, the bot check off) it answers undefined and loads nothing.

type Grecaptcha = { ready(cb: () => void): void; execute(siteKey: string, options: { action: string }): Promise<string> };

let loading: Promise<Grecaptcha> | undefined;

function load(siteKey: string): Promise<Grecaptcha> {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `https://www.google.com/recaptcha/api.js?render=${encodeURIComponent(siteKey)}`;
    script.async = true;
    script.onload = () => {
      const g = (window as unknown as { grecaptcha: Grecaptcha }).grecaptcha;
      g.ready(() => resolve(g));
    };
    script.onerror = () => reject(new Error('reCAPTCHA did not load'));
    document.head.appendChild(script);
  });
  return loading;
}

/** The header the gateway reads the token from on `botCheck` routes. */
export const BOT_TOKEN_HEADER = 'x-recaptcha-token';

/** `action` must match the route's: its last path segment with '-' → '_' unless the route names one. */
export async function getBotToken(siteKey: string | null, action: string): Promise<string | undefined> {
  if (!siteKey) return undefined;
  const grecaptcha = await load(siteKey);
  return grecaptcha.execute(siteKey, { action });
}
