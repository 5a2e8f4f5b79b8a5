/**
 * Default questionnaires per organisation type, from the sources' topics: tobacco [001 §25]
 * (supply, price, service quality, needs); property management [002] (cleaning, security,
 * repairs, customer service, fees). Organisations edit them as configuration.
 */
import type { Label } from '../vocabulary';
import type { Question } from './questionnaire';
import type { OrgType, SurveyTopic } from './vocabulary';

const rating = (id: string, topic: SurveyTopic, zh: string, en: string): Question => ({
  id, topic, type: 'rating', required: true, text: { 'zh-CN': zh, en }, options: [],
});
const opinion = (id: string, topic: SurveyTopic, zh: string, en: string): Question => ({
  id, topic, type: 'text', required: false, text: { 'zh-CN': zh, en }, options: [],
});

const TOBACCO: Question[] = [
  rating('supply_sufficiency', 'supply', '您对卷烟货源供应是否满意？', 'How satisfied are you with the supply of cigarettes?'),
  {
    id: 'supply_shortage', topic: 'supply', type: 'multiple', required: false,
    text: { 'zh-CN': '近半年您经常缺货的品类有哪些？', en: 'Which categories were often out of stock in the last six months?' },
    options: [
      { id: 'premium', label: { 'zh-CN': '高端品牌', en: 'Premium brands' } },
      { id: 'mid', label: { 'zh-CN': '中档品牌', en: 'Mid-range brands' } },
      { id: 'budget', label: { 'zh-CN': '低档品牌', en: 'Budget brands' } },
      { id: 'none', label: { 'zh-CN': '没有缺货', en: 'None' } },
    ],
  },
  rating('price_stability', 'price', '您对卷烟价格的稳定性是否满意？', 'How satisfied are you with the stability of prices?'),
  rating('service_manager', 'service_quality', '您对客户经理的服务是否满意？', 'How satisfied are you with your account manager?'),
  rating('service_delivery', 'service_quality', '您对送货服务（准时、完好）是否满意？', 'How satisfied are you with deliveries (on time, intact)?'),
  {
    id: 'needs_priority', topic: 'needs', type: 'single', required: true,
    text: { 'zh-CN': '您最希望我们改进的是？', en: 'What should we improve first?' },
    options: [
      { id: 'supply', label: { 'zh-CN': '货源供应', en: 'Supply' } },
      { id: 'price', label: { 'zh-CN': '价格', en: 'Price' } },
      { id: 'service', label: { 'zh-CN': '服务', en: 'Service' } },
      { id: 'training', label: { 'zh-CN': '经营指导', en: 'Business advice' } },
    ],
  },
  rating('overall', 'overall', '总体而言，您对我们是否满意？', 'Overall, how satisfied are you with us?'),
  opinion('opinion', 'needs', '您还有什么意见或建议？', 'Any other opinion or suggestion?'),
];

const PROPERTY: Question[] = [
  rating('cleaning', 'cleaning', '您对公共区域清洁卫生是否满意？', 'How satisfied are you with the cleaning of common areas?'),
  rating('security', 'security', '您对安全保卫（门岗、巡逻）是否满意？', 'How satisfied are you with security (gate, patrols)?'),
  rating('repairs_speed', 'repairs', '您对报修响应速度是否满意？', 'How satisfied are you with how fast repairs are handled?'),
  rating('repairs_quality', 'repairs', '您对维修质量是否满意？', 'How satisfied are you with the quality of repairs?'),
  rating('customer_service', 'customer_service', '您对客服中心的服务是否满意？', 'How satisfied are you with the customer-service centre?'),
  rating('fees', 'fees', '您认为物业收费是否合理、透明？', 'Are the fees fair and transparent?'),
  rating('overall', 'overall', '总体而言，您对物业服务是否满意？', 'Overall, how satisfied are you with our service?'),
  opinion('opinion', 'customer_service', '您还有什么意见或建议？', 'Any other opinion or suggestion?'),
];

export interface DefaultQuestionnaire {
  id: string;
  title: Label;
  intro: Label;
  questions: Question[];
}

/** The default questionnaire for an organisation type (ids `default-tobacco`, `default-property`). */
export function defaultQuestionnaire(orgType: OrgType): DefaultQuestionnaire {
  return orgType === 'tobacco'
    ? {
        id: 'default-tobacco',
        title: { 'zh-CN': '零售客户满意度调查', en: 'Retail client satisfaction survey' },
        intro: { 'zh-CN': '感谢您抽空填写。约需 3 分钟，您的意见将帮助我们改进服务。', en: 'Thank you for taking three minutes: your answers help us improve.' },
        questions: TOBACCO,
      }
    : {
        id: 'default-property',
        title: { 'zh-CN': '顾客意见调查', en: 'Resident and tenant opinion survey' },
        intro: { 'zh-CN': '感谢您抽空填写。约需 3 分钟，您的意见将帮助我们改进服务。', en: 'Thank you for taking three minutes: your answers help us improve.' },
        questions: PROPERTY,
      };
}
