#!/usr/bin/env node
// Offline classification check for the marketing department: ranks the clients of a purchase
// export with the same domain module the quarterly run uses (functions/lib; build first) and
// prints each client's combined code and tier as CSV.
//
//   npm run classify -- purchases.csv  [> result.csv]
//
// Input: CSV (UTF-8) with the columns 客户编码, 业态, 市场类型, 购进数量(条), 购进金额(元); optional
// 客户名称, 月份 (rows of one client are summed: give it the quarter's months). Output columns:
// 客户编码,客户名称,业态,市场类型,得分,排名,经营规模,分类编码,客户等级.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../functions/package.json', import.meta.url));
const Papa = require('papaparse');
let domain;
try {
  domain = require('./lib/domain/clients/classification.js');
} catch {
  console.error('functions/lib is missing: run `npm run build -w functions` first');
  process.exit(2);
}
const { classify, combinedCode, tierOf } = domain;
const { DEFAULT_CLIENT_RULES } = require('./lib/domain/clients/schemas.js');

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run classify -- <purchases.csv>');
  process.exit(2);
}
const parsed = Papa.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
const required = ['客户编码', '业态', '市场类型', '购进数量(条)', '购进金额(元)'];
const missing = required.filter((h) => !parsed.meta.fields?.includes(h));
if (missing.length) {
  console.error(`missing columns: ${missing.join(', ')}`);
  process.exit(2);
}
const number = (text, row, col) => {
  const v = Number(String(text).replace(/,/g, '').trim());
  if (!Number.isFinite(v) || v < 0) {
    console.error(`row ${row + 2}, ${col}: "${text}" is not a number`);
    process.exit(1);
  }
  return v;
};
const clients = new Map();
parsed.data.forEach((r, i) => {
  const code = String(r['客户编码']).trim();
  const c = clients.get(code) ?? { code, name: String(r['客户名称'] ?? '').trim(), format: String(r['业态']).trim(), market: String(r['市场类型']).trim(), qty: 0, amount: 0 };
  c.qty += number(r['购进数量(条)'], i, '购进数量(条)');
  c.amount += number(r['购进金额(元)'], i, '购进金额(元)');
  clients.set(code, c);
});
const ranked = classify([...clients.values()].map((c) => ({ clientId: c.code, format: c.format, qty: c.qty, amount: c.amount })));
const esc = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const out = ['客户编码,客户名称,业态,市场类型,得分,排名,经营规模,分类编码,客户等级'];
for (const r of ranked.sort((a, b) => (a.format < b.format ? -1 : a.format > b.format ? 1 : a.rank - b.rank))) {
  const c = clients.get(r.clientId);
  out.push([c.code, c.name, c.format, c.market, r.score.toFixed(6), `${r.rank}/${r.of}`, r.scale, combinedCode(c.market, c.format, r.scale), tierOf(r.scale, DEFAULT_CLIENT_RULES)].map(esc).join(','));
}
process.stdout.write(`${out.join('\n')}\n`);
