/** What clients are sent: survey invitations and reminders, the follow code of web feedback. No Firebase. */
import type { Label, Locale } from '../vocabulary';
import { formatShanghai } from '../notify';

export interface ClientMessage {
  subject: string;
  text: string;
  sms: string;
}

export function invitationMessage(title: Label, link: string, deadline: Date, reminder: boolean, locale: Locale = 'zh-CN'): ClientMessage {
  const due = formatShanghai(deadline, locale);
  if (locale === 'en') {
    const head = reminder ? `Reminder: ${title.en}` : title.en;
    const text = `${reminder ? 'We have not heard from you yet. ' : ''}Please answer our short survey (3 minutes) by ${due}: ${link}\nYour personal link works once and only for you.`;
    return { subject: head, text, sms: `[Huixiang] ${head}: ${link} (by ${due})` };
  }
  const head = reminder ? `提醒：${title['zh-CN']}` : title['zh-CN'];
  const text = `${reminder ? '我们尚未收到您的答卷。' : ''}诚邀您参加满意度调查（约 3 分钟），请于 ${due} 前填写：${link}\n此链接为您专属，仅可提交一次。`;
  return { subject: head, text, sms: `【回响】${head}，请于 ${due} 前填写：${link}` };
}

export function followCodeMessage(number: string, code: string, followLink: string, locale: Locale = 'zh-CN'): ClientMessage {
  if (locale === 'en') {
    const text = `We have received your feedback as ${number}. Your follow code is ${code}. Check its status at ${followLink}`;
    return { subject: `Your feedback ${number}`, text, sms: `[Huixiang] ${text}` };
  }
  const text = `您的反馈已受理，编号 ${number}，查询码 ${code}。查询处理进度：${followLink}`;
  return { subject: `您的反馈 ${number} 已受理`, text, sms: `【回响】${text}` };
}
