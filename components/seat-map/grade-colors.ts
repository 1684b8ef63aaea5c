// Grade colours of the seat map and its legend (colour-blind-safe enough to tell apart, and
// every seat's grade is also in its accessible name).
const KNOWN: Record<string, string> = { VIP: '#7c3aed', R: '#e11d48', S: '#2563eb', A: '#059669', B: '#d97706' };
const FALLBACK = ['#0891b2', '#c026d3', '#65a30d', '#ea580c', '#4f46e5'];

export function gradeColor(grade: string, index: number): string {
  return KNOWN[grade] ?? FALLBACK[index % FALLBACK.length]!;
}
