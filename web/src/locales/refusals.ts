/**
 * The refusal catalogues the client knows (functions/src/domain/<area>/refusals.ts). A server
 * refusal carries `details.reason` + `details.params`; `refusalText` renders it in the reader's
 * language. Areas add their catalogue here as they land (one import, one array entry).
 */
import { COMMON_REFUSALS, type Catalogue } from '../../../functions/src/domain/refusal';
import { LIFECYCLE_CATALOGUES } from '../../../functions/src/domain/lifecycle/refusals';
import { TICKETS_REFUSALS } from '../../../functions/src/domain/tickets/refusals';
import { CONFIG_REFUSALS } from '../../../functions/src/domain/config-admin/refusals';
import { SURVEY_REFUSALS } from '../../../functions/src/domain/surveys/refusals';
import { WORKORDERS_REFUSALS } from '../../../functions/src/domain/workorders/refusals';
import { CLIENTS_REFUSALS } from '../../../functions/src/domain/clients/refusals';
import { KPIS_REFUSALS } from '../../../functions/src/domain/kpis/refusals';

export const REFUSAL_CATALOGUES: readonly Catalogue[] = [
  COMMON_REFUSALS,
  ...LIFECYCLE_CATALOGUES,
  TICKETS_REFUSALS,
  CONFIG_REFUSALS,
  SURVEY_REFUSALS,
  WORKORDERS_REFUSALS,
  CLIENTS_REFUSALS,
  KPIS_REFUSALS,
];
