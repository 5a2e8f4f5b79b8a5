/**
 * Runtime configuration: `/runtime-config.json` (written next to the built files by the local
 * stack) or, in production, Firebase Hosting's reserved `/__/firebase/init.json`.
 */
export interface RuntimeConfig {
  projectId: string;
  apiKey: string;
  authDomain: string;
  region: string;
  emulators?: {
    auth: string;
    functions: { host: string; port: number };
  };
}

export const DEFAULT_REGION = 'asia-east2';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (!isRecord(raw)) throw new Error('runtime config is not an object');
  const projectId = str(raw['projectId']);
  const apiKey = str(raw['apiKey']);
  if (!projectId || !apiKey) throw new Error('runtime config lacks projectId or apiKey');
  const config: RuntimeConfig = {
    projectId,
    apiKey,
    authDomain: str(raw['authDomain']) ?? `${projectId}.firebaseapp.com`,
    region: str(raw['region']) ?? DEFAULT_REGION,
  };
  const emu = raw['emulators'];
  if (isRecord(emu)) {
    const auth = str(emu['auth']);
    const fn = emu['functions'];
    if (!auth || !isRecord(fn) || !str(fn['host']) || typeof fn['port'] !== 'number') {
      throw new Error('runtime config has malformed emulators');
    }
    config.emulators = { auth, functions: { host: String(fn['host']), port: fn['port'] } };
  }
  return config;
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  try {
    return parseRuntimeConfig(await fetchJson('/runtime-config.json'));
  } catch (first) {
    try {
      return parseRuntimeConfig(await fetchJson('/__/firebase/init.json'));
    } catch {
      throw first;
    }
  }
}
