import { getZonedParts } from './get-zoned-parts';
import type { Locale } from './locales';

export type DateTimeStyle = 'full' | 'date' | 'time' | 'short';

// Words are ours, not ICU's: Node 20's ICU prints "PM" in Korean where Chromium prints "오후",
// and a server-rendered time must equal the one the browser hydrates.
const KO_WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An instant on the venue's wall clock, in the reader's language:
 * ko `2027년 1월 1일 (금) 오후 7:00`, en `Fri, Jan 1, 2027, 7:00 PM`.
 * `short` drops the year (lists), `date` the time, `time` the date.
 */
export function formatDateTime(instant: Date | string, locale: Locale, timeZone: string, style: DateTimeStyle = 'full'): string {
  const p = getZonedParts(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const minute = String(p.minute).padStart(2, '0');
  if (locale === 'ko') {
    const date = `${p.month}월 ${p.day}일 (${KO_WEEKDAYS[p.weekday]})`;
    const time = `${p.hour < 12 ? '오전' : '오후'} ${hour12}:${minute}`;
    if (style === 'time') return time;
    if (style === 'short') return `${date} ${time}`;
    if (style === 'date') return `${p.year}년 ${date}`;
    return `${p.year}년 ${date} ${time}`;
  }
  const date = `${EN_WEEKDAYS[p.weekday]}, ${EN_MONTHS[p.month - 1]} ${p.day}`;
  const time = `${hour12}:${minute} ${p.hour < 12 ? 'AM' : 'PM'}`;
  if (style === 'time') return time;
  if (style === 'short') return `${date}, ${time}`;
  if (style === 'date') return `${date}, ${p.year}`;
  return `${date}, ${p.year}, ${time}`;
}
