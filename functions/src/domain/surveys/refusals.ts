/** Refusals of the survey and public-feedback area (codes `survey.*`, `feedback.*`), zh-CN and en. */
import type { Catalogue } from '../refusal';

export const SURVEY_REFUSALS = {
  'survey.token_unknown': { 'zh-CN': '此问卷链接无效，请核对链接或联系客服', en: 'This survey link is not valid: check the link or call us' },
  'survey.token_used': { 'zh-CN': '您已提交过此问卷，感谢您的参与', en: 'You have already answered this survey: thank you' },
  'survey.token_expired': { 'zh-CN': '此问卷链接已过期', en: 'This survey link has expired' },
  'survey.campaign_closed': { 'zh-CN': '本次调查已结束，感谢您的关注', en: 'This survey has ended: thank you for your interest' },
  'survey.answer_invalid': { 'zh-CN': '部分回答不符合问卷要求：{fields}', en: 'Some answers do not fit the questionnaire — {fields}' },
  // The area's policy (policy.ts): who may do what.
  'survey.run_who': { 'zh-CN': '问卷调查由品质管理部、客服中心和公司领导组织', en: 'Surveys are run by quality, the customer-service centre and leadership' },
  'survey.report_who': { 'zh-CN': '调查报告仅供品质管理部、客服中心、公司领导和审计人员查看', en: 'Survey reports are for quality, the customer-service centre, leadership and the auditor' },
  'survey.answers_who': { 'zh-CN': '答卷明细仅品质管理部、客服中心和公司领导可查看', en: 'Answers are read by quality, the customer-service centre and leadership' },
  'survey.respondent_hidden': { 'zh-CN': '答卷人身份仅品质管理部和公司领导可见', en: 'Respondents are visible only to quality and leadership' },
  'survey.questionnaire_unknown': { 'zh-CN': '问卷 {id} 不存在', en: 'Questionnaire {id} does not exist' },
  'survey.campaign_unknown': { 'zh-CN': '调查活动 {id} 不存在', en: 'Survey campaign {id} does not exist' },
  'survey.campaign_exists': { 'zh-CN': '调查活动 {id} 已存在', en: 'Survey campaign {id} already exists' },
  'survey.campaign_not_draft': { 'zh-CN': '调查活动已{state}，抽样已冻结', en: 'The campaign is {state}: its sample is frozen' },
  'survey.campaign_not_open': { 'zh-CN': '调查活动不在进行中（当前：{state}）', en: 'The campaign is not open (it is {state})' },
  'survey.deadline_passed': { 'zh-CN': '截止时间须晚于开始时间', en: 'The deadline must come after the opening' },
  'survey.not_in_sample': { 'zh-CN': '客户 {clientId} 不在本次抽样中', en: 'Client {clientId} is not in this sample' },
  'survey.already_answered': { 'zh-CN': '该客户已提交答卷', en: 'This client has already answered' },
  'survey.empty_population': { 'zh-CN': '没有可抽样的客户', en: 'There are no clients to sample' },
  'survey.report_not_ready': { 'zh-CN': '调查报告尚未生成（调查结束后生成）', en: 'The report is not built yet (it is built when the campaign closes)' },
  'feedback.rate_limited_phone': { 'zh-CN': '该手机号今日提交次数已达上限（{limit} 次），请拨打服务热线', en: 'This phone number has reached today’s limit ({limit}): please call our hotline' },
  'feedback.rate_limited_ip': { 'zh-CN': '提交过于频繁，请稍后再试或拨打服务热线', en: 'Too many submissions: try later or call our hotline' },
  'feedback.contact_needed': { 'zh-CN': '请留下手机号或电子邮箱，以便接收查询码', en: 'Give a phone number or e-mail to receive your follow code' },
  'feedback.consent_needed': { 'zh-CN': '请同意我们就此事与您联系', en: 'Agree that we may contact you about this' },
  'feedback.client_unknown': { 'zh-CN': '客户编号 {clientCode} 不存在', en: 'Client code {clientCode} does not exist' },
  'feedback.follow_unknown': { 'zh-CN': '编号或查询码不正确', en: 'The number or the code is not correct' },
  'feedback.follow_locked': { 'zh-CN': '查询码错误次数过多，请拨打服务热线', en: 'Too many wrong codes: please call our hotline' },
  'feedback.not_configured': { 'zh-CN': '网上反馈尚未开通（缺少受理部门）', en: 'Web feedback is not set up yet (no receiving department)' },
} as const satisfies Catalogue;

export type SurveyRefusal = keyof typeof SURVEY_REFUSALS;
