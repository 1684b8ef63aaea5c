// An instant on the venue's wall clock, as a notice shows it. Fans read notices on Korean time,
// so a venue in another zone says which clock the time is on ("현지 시각 America/New_York").
import type { Format } from '../../i18n/create-format';
import { formatZoneLabel } from '../../i18n/format-zone-label';
import { DEFAULT_VENUE_TIME_ZONE } from '../../refunds/cancellation-policy';
import type { MailTranslator } from './compose-notice';

export function venueTime(t: MailTranslator, format: Format, instant: string, timeZone: string): string {
  const wallClock = format.dateTime(instant, timeZone);
  return timeZone === DEFAULT_VENUE_TIME_ZONE ? wallClock : t('venueTime', { time: wallClock, zone: formatZoneLabel(timeZone, new Date(instant)) });
}
