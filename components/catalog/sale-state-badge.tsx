// The sale phase of a performance as a badge, with a countdown to the next change.
import type { SaleWindowState } from '../../lib/catalog/get-sale-window-state';
import { formatDateTime } from '../format';
import { SaleCountdown } from './sale-countdown';

const PHASE = {
  cancelled: { text: '공연 취소 Cancelled', tone: 'bg-zinc-200 text-zinc-700' },
  before_sale: { text: '오픈 예정 Opens soon', tone: 'bg-amber-100 text-amber-800' },
  presale: { text: '팬클럽 선예매 Member presale', tone: 'bg-violet-100 text-violet-800' },
  between_sales: { text: '일반 예매 대기 General sale soon', tone: 'bg-amber-100 text-amber-800' },
  on_sale: { text: '예매 중 On sale', tone: 'bg-emerald-100 text-emerald-800' },
  closed: { text: '판매 종료 Sale closed', tone: 'bg-zinc-200 text-zinc-700' },
} as const;

const WINDOW = { upcoming: '예정 upcoming', open: '진행 중 open', closed: '종료 closed' } as const;

export function SaleStateBadge({ sale }: { sale: SaleWindowState }) {
  const phase = PHASE[sale.phase];
  const countdownLabel = sale.phase === 'on_sale' || sale.phase === 'presale' ? '마감까지 Closes in' : '오픈까지 Opens in';
  return (
    <div className="space-y-1 text-sm">
      <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${phase.tone}`} data-testid="sale-phase" data-phase={sale.phase}>
        {phase.text}
      </span>
      {sale.nextChangeAt && sale.phase !== 'cancelled' && (
        <p className="text-zinc-700">
          <SaleCountdown target={sale.nextChangeAt} label={countdownLabel} />
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs text-zinc-600">
        {sale.presale && (
          <>
            <dt>선예매 Presale</dt>
            <dd>
              {formatDateTime(sale.presale.opensAt)} – {formatDateTime(sale.presale.closesAt)} · {WINDOW[sale.presale.state]}
            </dd>
          </>
        )}
        <dt>일반 예매 General</dt>
        <dd>
          {formatDateTime(sale.general.opensAt)} – {formatDateTime(sale.general.closesAt)} · {WINDOW[sale.general.state]}
        </dd>
      </dl>
    </div>
  );
}
