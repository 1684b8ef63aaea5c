// The admin dashboard's client calls: /api/admin/catalog/** through the gateway, errors as text
// (with the line numbers of a rejected seat-map import).
export type AdminResult<T = unknown> = { ok: true; data: T } | { ok: false; message: string; lines: { line: number; message: string }[] };

export async function callAdminApi<T = unknown>(method: 'POST' | 'PATCH' | 'PUT', path: string, body: unknown): Promise<AdminResult<T>> {
  const response = await fetch(`/api/admin/catalog${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json().catch(() => ({}))) as { error?: { message?: string; field?: string; errors?: { line: number; message: string }[] } };
  if (response.ok) return { ok: true, data: json as T };
  return { ok: false, message: json.error?.message ?? `HTTP ${response.status}`, lines: json.error?.errors ?? [] };
}
