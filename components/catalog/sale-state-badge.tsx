// The sale phase of a performance as a badge, with a countdown to the next change; window times
// on the venue's clock.
import { useTranslations } from 'next-intl';
import type { SaleWindowState } from '../../lib/catalog/get-sale-window-state';
import { useFormat } from '../i18n/use-format';
import { SaleCountdown } from './sale-countdown';

const TONE = {
  cancelled: 'bg-zinc-200 text-zinc-800',
  before_sale: 'bg-amber-100 text-amber-900',
  presale: 'bg-violet-100 text-violet-900',
  between_sales: 'bg-amber-100 text-amber-900',
  on_sale: 'bg-emerald-100 text-emerald-900',
  closed: 'bg-zinc-200 text-zinc-800',
} as const;

export function SaleStateBadge({ sale, timeZone }: { sale: SaleWindowState; timeZone: string }) {
  const t = useTranslations('sale');
  const format = useFormat();
  const window = (w: { opensAt: string; closesAt: string; state: 'upcoming' | 'open' | 'closed' }) =>
    `${format.dateTime(w.opensAt, timeZone, 'short')} – ${format.dateTime(w.closesAt, timeZone, 'short')} · ${t(`windows.${w.state}`)}`;
  return (
    <div className="space-y-1 text-sm">
      <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${TONE[sale.phase]}`} data-testid="sale-phase" data-phase={sale.phase}>
        {t(`phases.${sale.phase}`)}
      </span>
      {sale.nextChangeAt && sale.phase !== 'cancelled' && (
        <p className="text-zinc-700">
          <SaleCountdown target={sale.nextChangeAt} label={sale.phase === 'on_sale' || sale.phase === 'presale' ? t('closesIn') : t('opensIn')} />
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs text-zinc-700">
        {sale.presale && (
          <>
            <dt>{t('presale')}</dt>
            <dd>{window(sale.presale)}</dd>
          </>
        )}
        <dt>{t('general')}</dt>
        <dd>{window(sale.general)}</dd>
      </dl>
    </div>
  );
}
