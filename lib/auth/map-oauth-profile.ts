// What a Kakao, Naver or Google profile becomes in auth.users. The one rule that matters: an email
// reaches the account only when the provider says it verified it. Auth.js links a sign-in to the
// existing user with the same email, so an unverified address would let anyone who types a
// victim's address at Kakao take over the victim's account here; without it, the sign-in makes a
// new, email-less account instead.
//   Kakao:  kakao_account.is_email_valid && is_email_verified (a Kakao user may add an address
//           without confirming it, and may decline to share it at all: then there is no email).
//   Naver:  Naver hands out only the member's confirmed contact address, so its email counts as
//           verified; it is the one provider here whose word we take without a flag.
//   Google: the ID token's email_verified claim (false for some Workspace and legacy accounts).
import { z } from 'zod';

export type OAuthProviderId = 'kakao' | 'naver' | 'google';

export type OAuthUserProfile = { id: string; name: string | null; email: string | null; image: string | null };

const KakaoProfile = z.object({
  id: z.union([z.number(), z.string()]),
  properties: z.object({ nickname: z.string().optional() }).partial().optional(),
  kakao_account: z
    .object({
      profile: z.object({ nickname: z.string().optional(), profile_image_url: z.string().optional() }).partial().optional(),
      email: z.string().optional(),
      is_email_valid: z.boolean().optional(),
      is_email_verified: z.boolean().optional(),
    })
    .partial()
    .optional(),
});

const NaverProfile = z.object({
  resultcode: z.literal('00'),
  response: z.object({
    id: z.string().min(1),
    nickname: z.string().optional(),
    name: z.string().optional(),
    email: z.string().optional(),
    profile_image: z.string().optional(),
  }),
});

const GoogleClaims = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  picture: z.string().optional(),
});

const normalEmail = (email: string | undefined) => (email ? email.trim().toLowerCase() || null : null);

/** Maps a provider's raw profile (Kakao/Naver user info, Google ID token claims); throws on a foreign shape. */
export function mapOAuthProfile(provider: OAuthProviderId, raw: unknown): OAuthUserProfile {
  if (provider === 'kakao') {
    const p = KakaoProfile.parse(raw);
    const account = p.kakao_account ?? {};
    const verified = account.is_email_valid === true && account.is_email_verified === true;
    return {
      id: String(p.id),
      name: account.profile?.nickname ?? p.properties?.nickname ?? null,
      email: verified ? normalEmail(account.email) : null,
      image: account.profile?.profile_image_url ?? null,
    };
  }
  if (provider === 'naver') {
    const { response: r } = NaverProfile.parse(raw);
    return { id: r.id, name: r.nickname ?? r.name ?? null, email: normalEmail(r.email), image: r.profile_image ?? null };
  }
  const c = GoogleClaims.parse(raw);
  return { id: c.sub, name: c.name ?? null, email: c.email_verified === true ? normalEmail(c.email) : null, image: c.picture ?? null };
}
