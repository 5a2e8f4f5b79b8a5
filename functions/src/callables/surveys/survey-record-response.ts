import { onCall } from 'firebase-functions/v2/https';
import { RecordResponseInput } from '../../domain/surveys/api';
import { canRecordResponse } from '../../domain/surveys/policy';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { recordResponse } from '../../store/surveys/responses';
import { surveyActor } from './guard';

/** Staff enter a phone survey or a paper form for a client in the sample. */
export const surveyRecordResponse = onCall(async (request) => {
  const actor = await surveyActor(request, canRecordResponse, 'record survey answers');
  const input = parseInput(RecordResponseInput, request.data);
  return recordResponse(db(), actor.uid, input.campaignId, input.clientId, input.mode, input.answers, clock().now());
});
