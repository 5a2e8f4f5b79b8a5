/** Ticket numbers people can read out on the phone: HX-YYYYMMDD-NNNN, by the organisation's day (UTC+8). */
export function shanghaiDay(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}

export function ticketNumber(day: string, n: number): string {
  return `HX-${day}-${String(n).padStart(4, '0')}`;
}
