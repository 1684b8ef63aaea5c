'use client';
// The door scanner: reads a QR code with the camera (@zxing/browser) or takes a typed code, asks
// the server, and when the network is gone checks against the signed list it downloaded (the same
// rules, lib/check-in/check-ticket-offline.ts), queueing those scans to sync when it is back.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { checkTicketOffline, openOfflinePack, type OfflineState } from '../../lib/check-in/check-ticket-offline';
import type { SignedOfflinePack } from '../../lib/check-in/offline-pack';
import type { CheckInReport } from '../../lib/check-in/get-check-in-report';
import type { ScannablePerformanceSummary } from '../../lib/check-in/list-scannable-performances';
import type { FirstAdmission, ScanOutcome, ScanResult } from '../../lib/check-in/scan-outcome';
import { browserSignatureCheck } from '../../lib/tickets/browser-signature-check';
import { useFormat } from '../i18n/use-format';

type QueuedScan = { nonce: string; code: string; scannedAt: string; result: ScanResult; gate: string };
type Shown = ScanOutcome & { offline: boolean };

/** The gate a device stands at when the hall names none. */
const MAIN_GATE = 'main';
// The door answers in under a second; past this the network is treated as gone.
const ONLINE_TIMEOUT_MS = 2_500;
// One QR held in front of the camera is read many times a second: one scan per code per pause.
const SAME_CODE_PAUSE_MS = 3_000;
const REPORT_EVERY_MS = 10_000;

const TONES: Record<ScanResult, string> = {
  VALID: 'bg-emerald-700 text-white',
  ALREADY_USED: 'bg-amber-300 text-zinc-950',
  NOT_YET_OPEN: 'bg-amber-300 text-zinc-950',
  REVOKED: 'bg-rose-700 text-white',
  TRANSFERRED: 'bg-rose-700 text-white',
  REFUNDED: 'bg-rose-700 text-white',
  WRONG_PERFORMANCE: 'bg-rose-700 text-white',
  UNKNOWN: 'bg-rose-700 text-white',
};

const keys = {
  device: 'openseat.scanner.device',
  pack: (performanceId: string) => `openseat.scanner.pack.${performanceId}`,
  queue: (performanceId: string) => `openseat.scanner.queue.${performanceId}`,
  admitted: (performanceId: string) => `openseat.scanner.admitted.${performanceId}`,
};

function readJson<T>(key: string, fallback: T): T {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

const newId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

function deviceId(): string {
  let id = localStorage.getItem(keys.device);
  if (!id) {
    id = `scanner-${newId().slice(0, 13)}`;
    localStorage.setItem(keys.device, id);
  }
  return id;
}

async function postJson<T>(url: string, body: unknown, timeoutMs?: number): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
  });
  const json = await response.json();
  if (!response.ok) throw Object.assign(new Error(json?.error?.message ?? response.statusText), { status: response.status });
  return json as T;
}

/** What this device kept for a performance: the signed list (with its own admissions) and the queue. */
function loadKept(performanceId: string, check: ReturnType<typeof browserSignatureCheck>): { offline: OfflineState | null; queue: QueuedScan[] } {
  const stored = readJson<SignedOfflinePack | null>(keys.pack(performanceId), null);
  const admitted = new Map(readJson<Array<[string, FirstAdmission]>>(keys.admitted(performanceId), []));
  let offline: OfflineState | null = null;
  try {
    offline = stored ? openOfflinePack(stored, check, admitted) : null;
  } catch {
    // A list that no longer verifies (another key, a tampered copy) is as good as none.
  }
  return { offline, queue: readJson<QueuedScan[]>(keys.queue(performanceId), []) };
}

/** Rendered in the browser only (see scanner.tsx): its state starts from this device's storage. */
export default function ScannerPanel({ performances, publicKey }: { performances: ScannablePerformanceSummary[]; publicKey: string }) {
  const t = useTranslations('checkIn');
  const format = useFormat();
  const check = useMemo(() => browserSignatureCheck(publicKey), [publicKey]);
  const [performanceId, setPerformanceId] = useState(performances[0]?.id ?? '');
  const performance = performances.find((p) => p.id === performanceId);
  const gates = performance?.gates.map((g) => g ?? MAIN_GATE) ?? [MAIN_GATE];
  const [gate, setGate] = useState(gates[0] ?? MAIN_GATE);
  const [device] = useState(deviceId);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [offline, setOffline] = useState<OfflineState | null>(() => (performanceId ? loadKept(performanceId, check).offline : null));
  const [queue, setQueue] = useState<QueuedScan[]>(() => (performanceId ? loadKept(performanceId, check).queue : []));
  const [syncNote, setSyncNote] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { data: report } = useQuery({
    queryKey: ['check-in-report', performanceId],
    enabled: Boolean(performanceId),
    refetchInterval: REPORT_EVERY_MS,
    queryFn: async () => {
      const response = await fetch(`/api/staff/performances/${performanceId}/check-in-report`, { cache: 'no-store' });
      if (!response.ok) throw new Error(String(response.status));
      return ((await response.json()) as { report: CheckInReport }).report;
    },
  });
  const [camera, setCamera] = useState<'off' | 'on'>('off');
  const [cameraError, setCameraError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const stopCamera = useRef<(() => void) | null>(null);
  const lastRead = useRef<{ text: string; at: number }>({ text: '', at: 0 });

  const gateLabel = (value: string) => (value === MAIN_GATE ? t('mainGate') : value);

  const selectPerformance = (id: string) => {
    const kept = loadKept(id, check);
    setPerformanceId(id);
    setOffline(kept.offline);
    setQueue(kept.queue);
    setGate(performances.find((p) => p.id === id)?.gates.map((g) => g ?? MAIN_GATE)[0] ?? MAIN_GATE);
    setShown(null);
  };

  const saveQueue = useCallback(
    (next: QueuedScan[]) => {
      setQueue(next);
      localStorage.setItem(keys.queue(performanceId), JSON.stringify(next));
    },
    [performanceId],
  );

  const refreshReport = useCallback(() => queryClient.invalidateQueries({ queryKey: ['check-in-report', performanceId] }), [queryClient, performanceId]);

  const downloadPack = useCallback(async () => {
    if (!performanceId) return;
    setError(null);
    try {
      const response = await fetch(`/api/staff/performances/${performanceId}/offline-pack`, { cache: 'no-store' });
      if (!response.ok) throw new Error(String(response.status));
      const { pack } = (await response.json()) as { pack: SignedOfflinePack };
      const admitted = new Map(readJson<Array<[string, FirstAdmission]>>(keys.admitted(performanceId), []));
      setOffline(openOfflinePack(pack, check, admitted));
      localStorage.setItem(keys.pack(performanceId), JSON.stringify(pack));
    } catch {
      setError(t('offline.failed'));
    }
  }, [performanceId, check, t]);

  const sync = useCallback(async () => {
    if (!performanceId || queue.length === 0 || !navigator.onLine) return;
    let synced = 0;
    let conflicts = 0;
    const left: QueuedScan[] = [];
    for (const gateName of [...new Set(queue.map((q) => q.gate))]) {
      const batch = queue.filter((q) => q.gate === gateName);
      try {
        const { outcomes } = await postJson<{ outcomes: ScanOutcome[] }>(`/api/staff/performances/${performanceId}/offline-scans`, {
          gate: gateName,
          deviceId: device,
          scans: batch.map(({ nonce, code: text, scannedAt, result }) => ({ nonce, code: text, scannedAt, result })),
        });
        synced += outcomes.length;
        conflicts += outcomes.filter((o) => o.conflict).length;
      } catch {
        left.push(...batch);
      }
    }
    saveQueue(left);
    setSyncNote(t('offline.synced', { count: synced, conflicts }));
    void refreshReport();
  }, [performanceId, queue, device, saveQueue, refreshReport, t]);

  // Queued scans go up as soon as the network is back.
  useEffect(() => {
    const onOnline = () => void sync();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [sync]);

  const checkOffline = useCallback(
    (text: string, nonce: string): Shown | null => {
      if (!offline) return null;
      const at = new Date();
      const outcome = checkTicketOffline(offline, { text, nonce, gate, deviceId: device, at }, check);
      localStorage.setItem(keys.admitted(performanceId), JSON.stringify([...offline.admitted]));
      saveQueue([...queue, { nonce, code: text, scannedAt: at.toISOString(), result: outcome.result, gate }]);
      return { ...outcome, offline: true };
    },
    [offline, gate, device, check, performanceId, queue, saveQueue],
  );

  const submit = useCallback(
    async (text: string) => {
      if (!performanceId || !text.trim()) return;
      setBusy(true);
      setError(null);
      const nonce = newId();
      try {
        if (!navigator.onLine) throw new TypeError('offline');
        const { scan } = await postJson<{ scan: ScanOutcome }>('/api/staff/scans', { performanceId, gate, deviceId: device, nonce, code: text }, ONLINE_TIMEOUT_MS);
        setShown({ ...scan, offline: false });
        void refreshReport();
      } catch (failure) {
        // An HTTP refusal is the server's answer; only a missing network falls back to the list.
        if ((failure as { status?: number }).status) {
          setError((failure as Error).message);
        } else {
          const local = checkOffline(text, nonce);
          if (local) setShown(local);
          else setError(t('offline.none'));
        }
      } finally {
        setBusy(false);
        setCode('');
      }
    },
    [performanceId, gate, device, refreshReport, checkOffline, t],
  );

  const submitRef = useRef(submit);
  useEffect(() => {
    submitRef.current = submit;
  }, [submit]);

  const startCamera = async () => {
    setCameraError(null);
    try {
      const { BrowserQRCodeReader } = await import('@zxing/browser');
      const reader = new BrowserQRCodeReader();
      const controls = await reader.decodeFromVideoDevice(undefined, video.current ?? undefined, (result) => {
        if (!result) return;
        const text = result.getText();
        const now = Date.now();
        if (text === lastRead.current.text && now - lastRead.current.at < SAME_CODE_PAUSE_MS) return;
        lastRead.current = { text, at: now };
        void submitRef.current(text);
      });
      stopCamera.current = () => controls.stop();
      setCamera('on');
    } catch (failure) {
      setCameraError(t('cameraUnavailable', { reason: (failure as Error).message || String(failure) }));
    }
  };
  useEffect(() => () => stopCamera.current?.(), []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(code);
  };

  if (performances.length === 0) return <p className="text-zinc-700">{t('noPerformances')}</p>;

  return (
    <div className="space-y-6">
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="font-medium">{t('performance')}</span>
          <select className="mt-1 w-full rounded border border-zinc-400 bg-white p-2" value={performanceId} onChange={(e) => selectPerformance(e.target.value)} data-testid="scan-performance">
            {performances.map((p) => (
              <option key={p.id} value={p.id}>
                {p.eventTitle} · {format.dateTime(p.startsAt, p.timeZone, 'short')}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="font-medium">{t('gate')}</span>
          <select className="mt-1 w-full rounded border border-zinc-400 bg-white p-2" value={gate} onChange={(e) => setGate(e.target.value)} data-testid="scan-gate">
            {gates.map((g) => (
              <option key={g} value={g}>
                {gateLabel(g)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="text-xs text-zinc-700">{device && t('device', { id: device })}</p>

      <div className="space-y-2">
        <video ref={video} className={camera === 'on' ? 'w-full max-w-sm rounded bg-black' : 'hidden'} muted playsInline />
        {camera === 'off' ? (
          <button type="button" className="rounded bg-zinc-900 px-4 py-2 font-semibold text-white" onClick={() => void startCamera()}>
            {t('startCamera')}
          </button>
        ) : (
          <button
            type="button"
            className="rounded border border-zinc-400 px-4 py-2 font-semibold"
            onClick={() => {
              stopCamera.current?.();
              setCamera('off');
            }}
          >
            {t('stopCamera')}
          </button>
        )}
        {cameraError && <p className="text-sm text-rose-800">{cameraError}</p>}
      </div>

      <form onSubmit={onSubmit} className="space-y-2">
        <label className="block text-sm">
          <span className="font-medium">{t('codeLabel')}</span>
          <input
            className="mt-1 w-full rounded border border-zinc-400 p-2 font-mono"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby="scan-code-hint"
            data-testid="scan-code"
          />
        </label>
        <p id="scan-code-hint" className="text-xs text-zinc-700">
          {t('codeHint')}
        </p>
        <button type="submit" disabled={busy || !code.trim()} className="rounded bg-rose-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {busy ? t('checking') : t('check')}
        </button>
      </form>

      <div role="status" aria-live="assertive">
        {error && <p className="rounded bg-rose-50 p-3 text-rose-900">{error}</p>}
        {shown && (
          <div className={`rounded-lg p-4 ${TONES[shown.result]}`} data-testid="scan-result" data-result={shown.result}>
            <p className="text-2xl font-bold">{t(`result.${shown.result}`)}</p>
            {shown.ticket && (
              <p className="mt-1 text-lg">
                {format.seat(shown.ticket)} · {shown.ticket.grade} · {shown.ticket.holderName}
              </p>
            )}
            {shown.admittedBefore && (
              <p className="mt-1" data-testid="scan-used-detail">
                {t('usedDetail', {
                  time: performance ? format.dateTime(shown.admittedBefore.at, performance.timeZone, 'time') : shown.admittedBefore.at,
                  gate: gateLabel(shown.admittedBefore.gate),
                  device: shown.admittedBefore.deviceId,
                })}
              </p>
            )}
            {shown.opensAt && performance && <p className="mt-1">{t('opensAt', { time: format.dateTime(shown.opensAt, performance.timeZone, 'short') })}</p>}
            {shown.conflict && <p className="mt-1 font-semibold">{t('conflict')}</p>}
            {shown.offline && <p className="mt-1 text-sm">{t('offlineChecked')}</p>}
          </div>
        )}
      </div>

      <section className="rounded border border-zinc-200 bg-white p-4" aria-labelledby="offline-title">
        <h2 id="offline-title" className="font-semibold">
          {t('offline.title')}
        </h2>
        <p className="mt-1 text-sm text-zinc-700" data-testid="offline-pack-state">
          {offline && performance
            ? t('offline.downloaded', { count: offline.pack.tickets.length, time: format.dateTime(offline.pack.generatedAt, performance.timeZone, 'short') })
            : t('offline.none')}
        </p>
        <p className="text-sm text-zinc-700" data-testid="offline-queue">
          {t('offline.queued', { count: queue.length })}
        </p>
        {syncNote && <p className="text-sm text-zinc-900">{syncNote}</p>}
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="button" className="rounded border border-zinc-400 px-3 py-1.5 text-sm font-semibold" onClick={() => void downloadPack()}>
            {t('offline.download')}
          </button>
          <button type="button" className="rounded border border-zinc-400 px-3 py-1.5 text-sm font-semibold disabled:opacity-60" disabled={queue.length === 0} onClick={() => void sync()}>
            {t('offline.sync')}
          </button>
        </div>
      </section>

      {report && <LiveCount report={report} gateLabel={(g) => (g === null ? t('mainGate') : gateLabel(g))} />}
    </div>
  );
}

function LiveCount({ report, gateLabel }: { report: CheckInReport; gateLabel: (gate: string | null) => string }) {
  const t = useTranslations('checkIn.counts');
  const format = useFormat();
  const table = (caption: string, rows: Array<{ key: string; label: string; sold: number; checkedIn: number }>, head: string) => (
    <table className="mt-2 w-full text-sm">
      <caption className="text-left font-medium">{caption}</caption>
      <thead>
        <tr className="border-b border-zinc-200 text-left">
          <th scope="col">{head}</th>
          <th scope="col" className="text-right">
            {t('checkedIn')}
          </th>
          <th scope="col" className="text-right">
            {t('sold')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-zinc-100">
            <td>{row.label}</td>
            <td className="text-right tabular-nums">{row.checkedIn}</td>
            <td className="text-right tabular-nums">{row.sold}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="rounded border border-zinc-200 bg-white p-4" aria-labelledby="live-count-title" data-testid="live-count">
      <h2 id="live-count-title" className="font-semibold">
        {t('title')}
      </h2>
      <p className="text-lg tabular-nums" data-testid="live-count-total">
        {t('total', { checkedIn: report.total.checkedIn, sold: report.total.sold })}
      </p>
      {table(t('byGate'), report.byGate.map((g) => ({ key: g.gate ?? '', label: gateLabel(g.gate), ...g })), t('gate'))}
      {table(t('byGrade'), report.byGrade.map((g) => ({ key: g.grade, label: g.grade, ...g })), t('grade'))}
      <h3 className="mt-3 font-medium">{t('conflicts')}</h3>
      {report.conflicts.length === 0 ? (
        <p className="text-sm text-zinc-700">{t('noConflicts')}</p>
      ) : (
        <ul className="text-sm" data-testid="conflicts">
          {report.conflicts.map((c) => (
            <li key={c.scanId}>
              {t('conflictRow', {
                seat: format.seat(c.seat),
                gate: gateLabel(c.gate),
                time: format.dateTime(c.scannedAt, report.timeZone, 'time'),
                admittedGate: gateLabel(c.admittedGate),
                admittedTime: format.dateTime(c.admittedAt, report.timeZone, 'time'),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
