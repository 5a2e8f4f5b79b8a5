/**
 * Strata of the survey sample: business format × zone × market type [001 §25 "涵盖不同业态、区域和类型"],
 * read defensively from client documents (the client archive is growing: a client without a
 * format, zone or market type falls into the `unknown` value of that dimension, never an error).
 * Field names on client documents: `format`, `zone`, `marketType`, `tier`, `branchId` (string codes).
 */
export const UNKNOWN = 'unknown';

export interface ClientStrata {
  format: string;
  zone: string;
  marketType: string;
  tier: string;
  branchId: string;
}

/** Dimensions the report breaks satisfaction down by. */
export const REPORT_DIMENSIONS = ['branchId', 'format', 'zone', 'tier'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

function code(v: unknown): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : UNKNOWN;
}

/** The strata fields of a raw client document (any shape). */
export function readStrata(raw: unknown): ClientStrata {
  const c = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return { format: code(c.format), zone: code(c.zone), marketType: code(c.marketType), tier: code(c.tier), branchId: code(c.branchId) };
}

/** The sampling stratum: format × zone × market type. */
export function stratumKey(s: Pick<ClientStrata, 'format' | 'zone' | 'marketType'>): string {
  return `${s.format}|${s.zone}|${s.marketType}`;
}

export interface ClientContact {
  name: string;
  phone: string;
  email: string;
  /** The client agreed to be contacted by SMS / e-mail (field `consentToContact`, as for complainants). */
  consent: boolean;
}

/**
 * Contact data of a raw client document: `contactName`, `contactPhone`, `contactEmail` (or
 * `email`), consent `consentToContact` (boolean). Absent fields read as empty / no consent.
 */
export function readContact(raw: unknown): ClientContact {
  const c = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return {
    name: str(c.contactName) || str(c.name),
    phone: str(c.contactPhone).replace(/[\s-]/g, ''),
    email: str(c.contactEmail) || str(c.email),
    consent: c.consentToContact === true,
  };
}

/** Whether a personal link can reach the client: consent and a phone or e-mail. */
export function reachable(contact: ClientContact): boolean {
  return contact.consent && (contact.phone !== '' || contact.email !== '');
}
