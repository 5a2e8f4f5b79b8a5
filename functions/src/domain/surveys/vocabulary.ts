/**
 * The words of the survey area, as zod enums with zh-CN / en labels (as domain/vocabulary.ts
 * does for tickets). The same identifiers are used in code, Firestore fields and the web client.
 */
import { z } from 'zod';
import { labelled } from '../vocabulary';


/** The organisation types whose sources fix survey topics and sampling rules. */
const orgTypes = labelled({
  tobacco: { 'zh-CN': '烟草零售分销', en: 'Tobacco retail distribution' },
  property: { 'zh-CN': '物业管理', en: 'Property management' },
});
export const OrgType = orgTypes.schema;
export type OrgType = z.infer<typeof OrgType>;
export const ORG_TYPE_LABELS = orgTypes.labels;

/** What a question asks about: [001 §25] for tobacco, the property sources for property management. */
const topics = labelled({
  supply: { 'zh-CN': '卷烟供应', en: 'Supply' },
  price: { 'zh-CN': '卷烟价格', en: 'Price' },
  service_quality: { 'zh-CN': '服务质量', en: 'Service quality' },
  needs: { 'zh-CN': '客户需求', en: 'Needs' },
  cleaning: { 'zh-CN': '清洁卫生', en: 'Cleaning' },
  security: { 'zh-CN': '安全保卫', en: 'Security' },
  repairs: { 'zh-CN': '维修服务', en: 'Repairs' },
  customer_service: { 'zh-CN': '客户服务', en: 'Customer service' },
  fees: { 'zh-CN': '收费', en: 'Fees' },
  overall: { 'zh-CN': '总体评价', en: 'Overall' },
});
export const SurveyTopic = topics.schema;
export type SurveyTopic = z.infer<typeof SurveyTopic>;
export const SURVEY_TOPIC_LABELS = topics.labels;

const questionTypes = labelled({
  single: { 'zh-CN': '单选', en: 'Single choice' },
  multiple: { 'zh-CN': '多选', en: 'Multiple choice' },
  rating: { 'zh-CN': '评分（1–5）', en: 'Rating (1–5)' },
  text: { 'zh-CN': '文字意见', en: 'Free text' },
});
export const QuestionType = questionTypes.schema;
export type QuestionType = z.infer<typeof QuestionType>;
export const QUESTION_TYPE_LABELS = questionTypes.labels;

const campaignStates = labelled({
  draft: { 'zh-CN': '筹备中', en: 'Draft' },
  open: { 'zh-CN': '进行中', en: 'Open' },
  closed: { 'zh-CN': '已结束', en: 'Closed' },
});
export const CampaignState = campaignStates.schema;
export type CampaignState = z.infer<typeof CampaignState>;
export const CAMPAIGN_STATE_LABELS = campaignStates.labels;

/** How an answer reached us: the personal link, or staff recording a phone call or paper form. */
const responseModes = labelled({
  link: { 'zh-CN': '在线问卷', en: 'Online link' },
  phone: { 'zh-CN': '电话调查', en: 'Phone survey' },
  paper: { 'zh-CN': '纸质问卷', en: 'Paper form' },
});
export const ResponseMode = responseModes.schema;
export type ResponseMode = z.infer<typeof ResponseMode>;
export const RESPONSE_MODE_LABELS = responseModes.labels;

/** What a client filing feedback on the web sees of their ticket: never internal notes or names. */
const publicStatuses = labelled({
  received: { 'zh-CN': '已受理', en: 'Received' },
  being_handled: { 'zh-CN': '处理中', en: 'Being handled' },
  resolved: { 'zh-CN': '已处理', en: 'Resolved' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
});
export const PublicStatus = publicStatuses.schema;
export type PublicStatus = z.infer<typeof PublicStatus>;
export const PUBLIC_STATUS_LABELS = publicStatuses.labels;
