/** Starts scripts/stack.mjs in a child Node process (see run-stack.mjs for why) and stops it. */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export interface StackOptions {
  seed?: boolean;
  quiet?: boolean;
  portBase?: number;
}

export interface DemoStaff {
  email: string;
  role: string;
  deptId: string;
  displayName: string;
}

export interface DemoData {
  password: string;
  staff: DemoStaff[];
}

export interface RunningStack {
  webUrl: string;
  /** Seeded staff from scripts/demo-data.mjs, or null when it does not exist. */
  demo: DemoData | null;
  /** A demo survey link's token nobody has answered yet (scripts/demo-surveys.mjs), when seeded. */
  surveyToken: string | null;
  stop(): Promise<void>;
}

type ChildMessage =
  | { type: 'ready'; webUrl: string; demo: DemoData | null; surveyToken?: string | null }
  | { type: 'error'; message: string };

function isChildMessage(m: unknown): m is ChildMessage {
  return typeof m === 'object' && m !== null && 'type' in m && (m.type === 'ready' || m.type === 'error');
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Browser suites each take a fixed port base (17000, 17100…); HX_PORT_OFFSET shifts all of them,
 * so two checkouts on one machine can run their browser suites at the same time.
 */
export function portBase(base: number): number {
  const offset = Number(process.env['HX_PORT_OFFSET'] ?? 0);
  return base + (Number.isInteger(offset) ? offset : 0);
}

export async function startStackProcess(options: StackOptions, timeoutMs = 150_000): Promise<RunningStack> {
  const child = fork(path.join(__dirname, 'run-stack.mjs'), [JSON.stringify(options)], {
    execPath: process.execPath,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = exited(child);
    if (child.connected) child.send({ type: 'stop' });
    else child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await done;
    clearTimeout(timer);
  };
  try {
    const ready = await new Promise<{ webUrl: string; demo: DemoData | null; surveyToken: string | null }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`stack did not start within ${timeoutMs} ms`)), timeoutMs);
      child.on('message', (m: unknown) => {
        if (!isChildMessage(m)) return;
        clearTimeout(timer);
        if (m.type === 'ready') resolve({ webUrl: m.webUrl, demo: m.demo, surveyToken: m.surveyToken ?? null });
        else reject(new Error(`stack failed to start:\n${m.message}`));
      });
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`stack process exited early (code ${code})`)); });
    });
    return { ...ready, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
