/** Notification texts of the monthly run, in the recipient's language. Pure. */
import type { Locale } from '../vocabulary';

export type MonthlyMessage = 'built' | 'published' | 'reminder' | 'escalation';

export function monthlyMessage(kind: MonthlyMessage, locale: Locale, p: { month: string; scopeName: string }): { title: string; body: string } {
  const zh = {
    built: { title: `${p.month} ${p.scopeName} 月度指标待审核`, body: `${p.scopeName} ${p.month} 的月度指标已生成，请审核（可填写说明）并发布；须在次月5日前发布。` },
    published: { title: `${p.month} ${p.scopeName} 月度指标已发布`, body: `${p.scopeName} ${p.month} 的月度指标已审核发布，请查阅。` },
    reminder: { title: `提醒：${p.month} ${p.scopeName} 月度指标尚未审核`, body: `${p.scopeName} ${p.month} 的月度指标仍待审核，须在5日前发布。` },
    escalation: { title: `逾期：${p.month} ${p.scopeName} 月度指标未按期发布`, body: `${p.scopeName} ${p.month} 的月度指标至5日仍未审核发布，请督促。` },
  };
  const en = {
    built: { title: `${p.month} KPIs of ${p.scopeName} to approve`, body: `The ${p.month} figures of ${p.scopeName} are built: review them, add a commentary if needed, and approve; they must be published by the 5th.` },
    published: { title: `${p.month} KPIs of ${p.scopeName} published`, body: `The ${p.month} figures of ${p.scopeName} were approved and published.` },
    reminder: { title: `Reminder: ${p.month} KPIs of ${p.scopeName} not approved yet`, body: `The ${p.month} figures of ${p.scopeName} still wait for approval; they must be published by the 5th.` },
    escalation: { title: `Late: ${p.month} KPIs of ${p.scopeName} not published`, body: `The ${p.month} figures of ${p.scopeName} were still not approved on the 5th.` },
  };
  return (locale === 'en' ? en : zh)[kind];
}
