/**
 * Personal survey links and follow codes. A token is 128 random bits (base64url, 22 characters);
 * only its SHA-256 is stored, so a database reader cannot answer in a client's name. No Firebase.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

export { TOKEN_PATTERN } from './token-pattern';

/** A fresh, unguessable token (128 bits from the system CSPRNG). */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The id under which a token is stored: hex SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A six-digit code a client types to follow a ticket filed on the web (stored hashed with the ticket number). */
export function newFollowCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hashFollowCode(ticketNumber: string, code: string): string {
  return createHash('sha256').update(`${ticketNumber}:${code}`, 'utf8').digest('hex');
}

/** A value whose hash may name a document (phone numbers, IPs for abuse counters), so none is stored in clear. */
export function hashKey(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);
}
