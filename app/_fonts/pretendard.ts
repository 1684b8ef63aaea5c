// The site's own Korean font, served from our origin through next/font/local (next/font/google
// cannot build offline): Pretendard's subset build, Latin plus the common Hangul syllables,
// ≈270 KB per weight instead of ≈770 KB for the full set.
import localFont from 'next/font/local';

export const pretendard = localFont({
  src: [
    { path: '../../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Regular.subset.woff2', weight: '400', style: 'normal' },
    { path: '../../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Medium.subset.woff2', weight: '500', style: 'normal' },
    { path: '../../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-SemiBold.subset.woff2', weight: '600', style: 'normal' },
    { path: '../../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Bold.subset.woff2', weight: '700', style: 'normal' },
  ],
  display: 'swap',
  variable: '--font-pretendard',
  fallback: ['Apple SD Gothic Neo', 'Noto Sans KR', 'Noto Sans CJK KR', 'system-ui', 'sans-serif'],
});
