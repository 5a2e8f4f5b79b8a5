/**
 * Offline checks of firestore.rules (rule evaluation needs Google's emulator: npm run test:rules).
 * Parses the file into match blocks and allow statements and asserts the invariants:
 * rules_version 2, deny by default, no write granted anywhere, a comment on every allow,
 * and only roles the domain knows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../../functions/src/domain/vocabulary';

const source = readFileSync(join(__dirname, '../../firestore.rules'), 'utf8');
/** The rules without comments, so commented-out text cannot satisfy or break a check. */
const code = source.replace(/\/\/.*$/gm, '');

interface Allow { ops: string[]; condition: string | null; path: string; line: number; commented: boolean }

/** Walks the rules, tracking the match path, and returns every allow statement. */
function parseAllows(): Allow[] {
  const lines = source.split('\n');
  const stack: Array<{ path: string; depth: number }> = [];
  const out: Allow[] = [];
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\/\/.*$/, '');
    const match = /^\s*match\s+(\S+)\s*\{/.exec(line);
    if (match) stack.push({ path: match[1]!, depth });
    const allow = /^\s*allow\s+([a-z,\s]+?)\s*(?::\s*if\s+(.*))?;?\s*$/.exec(line);
    if (allow) {
      // The condition may continue over the next lines up to the semicolon.
      let condition = allow[2] ?? null;
      let j = i;
      while (condition !== null && !lines[j]!.replace(/\/\/.*$/, '').trimEnd().endsWith(';')) condition += ` ${lines[++j]!.replace(/\/\/.*$/, '').trim()}`;
      out.push({
        ops: allow[1]!.split(',').map((s) => s.trim()),
        condition: condition?.replace(/;\s*$/, '').trim() ?? null,
        path: stack.map((s) => s.path).join(''),
        line: i + 1,
        commented: /^\s*\/\//.test(lines[i - 1] ?? ''),
      });
    }
    // Braces inside a match path (`{ticketId}`) are wildcards, not blocks.
    for (const ch of match ? line.replace(match[1]!, '') : line) {
      if (ch === '{') depth += 1;
      if (ch === '}') {
        depth -= 1;
        while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
      }
    }
  }
  expect(depth).toBe(0); // balanced braces
  return out;
}

const allows = parseAllows();

test("starts with rules_version = '2'", () => {
  expect(source.trimStart().startsWith("rules_version = '2';")).toBe(true);
});

test('deny by default: a catch-all match that grants nothing', () => {
  const catchAll = allows.filter((a) => a.path === '/databases/{database}/documents/{document=**}');
  expect(catchAll).toHaveLength(1);
  expect(catchAll[0]).toMatchObject({ ops: ['read', 'write'], condition: 'false' });
});

test('no write is allowed anywhere', () => {
  const writes = allows.filter((a) => a.ops.some((op) => ['write', 'create', 'update', 'delete'].includes(op)));
  for (const w of writes) expect({ line: w.line, condition: w.condition }).toEqual({ line: w.line, condition: 'false' });
});

test('every allow has a condition and a comment, and reads only what the policy mirrors', () => {
  expect(allows.length).toBeGreaterThan(4);
  for (const a of allows) {
    expect({ line: a.line, condition: a.condition === null ? 'none' : 'some' }).toEqual({ line: a.line, condition: 'some' });
    expect({ line: a.line, commented: a.commented }).toEqual({ line: a.line, commented: true });
    expect(a.condition).not.toBe('true');
  }
  const readable = [...new Set(allows.filter((a) => a.condition !== 'false').map((a) => a.path.replace('/databases/{database}/documents', '')))].sort();
  expect(readable).toEqual([
    '/callbackTasks/{taskId}', '/changeMarkers/{uid}', '/clients/{clientId}', '/notifications/{notificationId}', '/statements/{statementId}',
    '/tickets/{ticketId}', '/tickets/{ticketId}/events/{eventId}', '/tickets/{ticketId}/private/{docId}',
    '/workOrders/{orderId}', '/workOrders/{orderId}/events/{eventId}',
  ]);
});

test('history events and private subdocuments are read-only; private only for quality and leadership', () => {
  const events = allows.filter((a) => a.path.endsWith('/events/{eventId}'));
  expect(events).toHaveLength(2); // tickets' and work orders' histories
  for (const e of events) expect(e.ops.sort()).toEqual(['get', 'list']);
  const priv = allows.filter((a) => a.path.endsWith('/private/{docId}'));
  expect(priv.flatMap((a) => a.ops)).toEqual(['get']);
  expect(priv[0]!.condition).toMatch(/'leadership'/);
  expect(priv[0]!.condition).toMatch(/isQuality\(\)/);
  expect(priv[0]!.condition).not.toMatch(/auditor|admin|createdBy/);
});

test('change markers: own marker only, get only', () => {
  const m = allows.filter((a) => a.path.endsWith('/changeMarkers/{uid}'));
  expect(m.flatMap((a) => a.ops)).toEqual(['get']);
  expect(m[0]!.condition).toContain('uid == request.auth.uid');
  expect(allows.some((a) => a.path.includes('reporterPhones'))).toBe(false);
});

test('notifications: own inbox only', () => {
  const n = allows.find((a) => a.path.endsWith('/notifications/{notificationId}'))!;
  expect(n.condition).toContain('resource.data.uid == request.auth.uid');
});

test('rights come from the token and must match an enabled staff record', () => {
  expect(code).toMatch(/function isActiveStaff\(\)/);
  expect(code).toMatch(/s\.get\('disabled', false\) != true/);
  for (const f of ['role', 'dept', 'branch']) expect(code).toContain(`claims().${f}`);
  expect(code).not.toMatch(/request\.resource/); // nothing reads a client-sent payload
});

test('only roles the domain knows are named', () => {
  const compared = [...code.matchAll(/role\s*==\s*'([a-z_]+)'/g)].map((m) => m[1]!);
  const listed = [...code.matchAll(/(?:hasAnyRole\(|role in )\[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/'([a-z_]+)'/g)].map((x) => x[1]!));
  expect(compared.length + listed.length).toBeGreaterThan(5);
  for (const r of [...compared, ...listed]) expect(Role.options).toContain(r);
});
