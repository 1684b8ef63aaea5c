// The admin's datetime-local inputs read and write the venue's wall clock, never the browser's:
// an organiser in Seoul and one in London type the same 19:00 for a Seoul show.
import { instantToZonedInput } from '../../lib/i18n/instant-to-zoned-input';
import { zonedInputToInstant } from '../../lib/i18n/zoned-input-to-instant';

/** ISO instant → the input's value on the venue clock ('' for none). */
export const toZonedInput = (iso: string | null, timeZone: string) => (iso ? instantToZonedInput(new Date(iso), timeZone) : '');

/** The input's value on the venue clock → ISO instant (null for an empty input). */
export const fromZonedInput = (value: FormDataEntryValue | null, timeZone: string) =>
  value ? zonedInputToInstant(String(value), timeZone).toISOString() : null;
