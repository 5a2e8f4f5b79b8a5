/** docs/analytics.md: its BigQuery SQL names the same counters and KPIs as the domain, with the same ratios, and only real ticket fields. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ticket } from '../../src/domain/documents';
import { COUNTERS, KPIS, type CounterName } from '../../src/domain/kpis/definitions';

const doc = readFileSync(join(__dirname, '../../../docs/analytics.md'), 'utf8');
const sql = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!).join('\n');
const aliases = new Set([...sql.matchAll(/\bAS (\w+)/g)].map((m) => m[1]!));

describe('docs/analytics.md', () => {
  test('every counter the tickets produce is a column of the counters view', () => {
    const fromTickets = (Object.keys(COUNTERS) as CounterName[]).filter((c) => COUNTERS[c].source === 'ticket');
    expect(fromTickets.filter((c) => !aliases.has(c))).toEqual([]);
  });

  test('every KPI is a column, with the domain\'s numerator and denominator', () => {
    const found: Record<string, { numerator: string; denominator: string | null }> = {};
    for (const m of sql.matchAll(/SAFE_DIVIDE\(SUM\((\w+)\), SUM\((\w+)\)\) AS (\w+)/g)) found[m[3]!] = { numerator: m[1]!, denominator: m[2]! };
    for (const m of sql.matchAll(/^\s*SUM\((\w+)\) AS (\w+),?$/gm)) found[m[2]!] = { numerator: m[1]!, denominator: null };
    for (const [kpi, def] of Object.entries(KPIS)) {
      expect({ kpi, ...found[kpi] }).toEqual({ kpi, numerator: def.numerator, denominator: def.denominator });
    }
  });

  test('the SQL reads only fields the Ticket schema has', () => {
    const shape = Ticket.shape as Record<string, unknown>;
    const paths = [...sql.matchAll(/'\$\.(\w+)/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(10);
    expect([...new Set(paths)].filter((f) => !(f in shape))).toEqual([]);
  });

  test('months are Beijing-time months, as the aggregates\'', () => {
    expect(sql).toContain("'Asia/Shanghai'");
  });
});
