// What lib/payments needs from a process's config (workers/config.ts builds it): lib/ reads no env.
export type PortOneSettings = {
  /** https://api.portone.io, or the local stand-in's origin. */
  apiUrl: string;
  apiSecret: string;
  storeId: string;
  /** How long one call may take before it fails (10 s unless set). */
  timeoutMs?: number;
};

export type PaymentsConfig = {
  portone: PortOneSettings;
  channelKey: string;
  /** Standard Webhooks secrets: a delivery signed with any of them is genuine (rotation). */
  webhookSecrets: string[];
  /** The stand-in's checkout pages (`<url>/<paymentId>`), or null: the browser opens PortOne's own window. */
  checkoutUrl: string | null;
  /** The channel authorises only; we capture with POST /payments/{id}/confirm after re-checking the hold. */
  manualConfirm: boolean;
  pendingMinutes: number;
  webhookRetrySeconds: number;
  virtualAccount: { maxHours: number; cutoffHoursBeforeShow: number };
};
