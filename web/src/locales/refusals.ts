/**
 * The refusal catalogues the client knows (functions/src/domain/<area>/refusals.ts). A server
 * refusal carries `details.reason` + `details.params`; `refusalText` renders it in the reader's
 * language. Areas add their catalogue here as they land (one import, one array entry).
 */
import { COMMON_REFUSALS, type Catalogue } from '../../../functions/src/domain/refusal';

export const REFUSAL_CATALOGUES: readonly Catalogue[] = [
  COMMON_REFUSALS,
];
