// Cookie names per performance (a fan may wait for two shows at once). Pure strings: the
// proxy, the gateway and the pages share them.
export function entryCookieName(performanceId: string): string {
  return `os_entry_${performanceId}`;
}

export function queueTicketCookieName(performanceId: string): string {
  return `os_queue_${performanceId}`;
}
