/** `npm run classify` runs the built domain module (functions/lib) on a purchase export. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
test('prints each client\'s code and tier as CSV', () => {
  expect({ built: existsSync(join(root, 'functions/lib/domain/clients/classification.js')) }).toEqual({ built: true }); // npm run build -w functions
  const dir = mkdtempSync(join(tmpdir(), 'classify-'));
  const file = join(dir, 'p.csv');
  writeFileSync(file, [
    '客户编码,客户名称,业态,市场类型,月份,购进数量(条),购进金额(元)',
    ...Array.from({ length: 5 }, (_, i) => `Z${i},店${i},Z,${i === 2 ? 'X' : 'C'},2026-07,${100 - i * 10},"${(1000 - i * 100).toLocaleString('en-US')}"`),
    'Z0,店0,Z,C,2026-08,5,50',
  ].join('\n'));
  const out = execFileSync(process.execPath, [join(root, 'scripts/classify.mjs'), file], { encoding: 'utf8' }).trim().split('\n');
  expect(out[0]).toBe('客户编码,客户名称,业态,市场类型,得分,排名,经营规模,分类编码,客户等级');
  expect(out.slice(1).map((l) => l.split(',').filter((_, k) => [0, 6, 7, 8].includes(k)).join(' '))).toEqual([
    'Z0 1 CZ1 A', 'Z1 2 CZ2 B', 'Z2 2 XZ2 B', 'Z3 2 CZ2 B', 'Z4 3 CZ3 C',
  ]);
});
