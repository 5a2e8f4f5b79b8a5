/**
 * UI strings in zh-CN (default) and English. Domain words (kinds, subjects, channels, states,
 * roles, departments) are NOT here: they come from functions/src/domain/vocabulary.ts.
 */
import { LOCALES, type Label, type Locale } from '../../functions/src/domain/vocabulary';

const zh = {
  appName: '回响',
  appTagline: '客户反馈与投诉受理',
  loading: '加载中…',
  signIn: '登录',
  signingIn: '正在登录…',
  signOut: '退出',
  email: '电子邮箱',
  password: '密码',
  signInTitle: '员工登录',
  errInvalidCredential: '邮箱或密码不正确',
  errTooManyRequests: '尝试次数过多，请稍后再试',
  errNetwork: '网络错误，请检查连接后重试',
  errUnknown: '操作失败：{detail}',
  errNotStaff: '该账号未登记为员工，请联系管理员',
  errNotFound: '未找到该工单',
  errPermission: '没有权限执行此操作',
  errConfig: '无法加载运行配置',
  retry: '重试',
  language: '语言',
  otherLanguage: 'English',
  notifications: '通知',
  unreadTitle: '未读通知',
  navTickets: '工单',
  navNewTicket: '新建工单',
  queue_all: '全部',
  queue_mine: '我的',
  queue_department: '本部门',
  queue_overdue: '已超时',
  queue_due_soon: '即将到期',
  queue_awaiting_callback: '待回访',
  queue_awaiting_verification: '待查验',
  refresh: '刷新',
  colNumber: '编号',
  colTitle: '标题',
  colKind: '类型',
  colClient: '客户',
  colState: '状态',
  colOwner: '责任部门',
  colDue: '期限',
  colEscalation: '升级',
  noTickets: '此队列中没有工单',
  unassigned: '待分派',
  none: '—',
  escalationLevel: '{n} 级',
  newTicketTitle: '新建工单',
  fieldClient: '客户',
  chooseClient: '请选择客户',
  fieldKind: '类型',
  fieldSubject: '投诉类别',
  chooseSubject: '请选择投诉类别',
  fieldChannel: '受理渠道',
  fieldTitle: '标题',
  fieldDescription: '详细描述',
  fieldClaimedAmount: '索赔金额（元）',
  fieldCompensation: '涉及赔偿',
  fieldAgainstOfficeDirector: '投诉对象为管理处主任',
  fieldMajor: '重大投诉',
  flagsLegend: '特殊情况',
  reporterLegend: '投诉人信息 (保密)',
  reporterHint: '仅对需要处理此事的人员可见，严禁打击报复投诉人。',
  fieldReporterName: '姓名',
  fieldReporterPhone: '电话',
  fieldReporterEmail: '电子邮箱',
  fieldReporterConsent: '同意我们联系回访',
  submit: '提交',
  submitting: '正在提交…',
  cancel: '取消',
  formHasErrors: '请修正标出的字段',
  vRequired: '必填',
  vTooLong: '内容过长',
  vEmail: '电子邮箱格式不正确',
  vNumber: '请输入不小于 0 的数字',
  vSubjectNeeded: '投诉须选择投诉类别',
  vSubjectOnlyComplaint: '只有投诉才有投诉类别',
  vReporterName: '填写投诉人信息时须填写姓名',
  vInvalid: '输入无效',
  detailTitle: '工单 {number}',
  backToList: '返回列表',
  fieldNumber: '编号',
  fieldState: '状态',
  fieldOwner: '责任部门',
  fieldRoutingReason: '分派依据',
  fieldReceivedAt: '受理时间',
  fieldDueAt: '处理期限',
  fieldTimeLeft: '剩余时间',
  fieldEscalation: '升级级别',
  fieldMajorShort: '重大',
  yes: '是',
  no: '否',
  timeLeft: '剩余 {d}',
  overdueBy: '已超时 {d}',
  days: '{n}天',
  hours: '{n}小时',
  minutes: '{n}分钟',
  lessThanMinute: '不到1分钟',
  routingPending: '正在分派…',
  history: '处理记录',
  noEvents: '暂无记录',
  reporter: '投诉人',
  reporterRedacted: '已隐藏：您无权查看投诉人身份',
  reporterNone: '未留投诉人信息',
  consentYes: '同意回访',
  consentNo: '不同意回访',
  actions: '操作',
  noActions: '当前没有可执行的操作',
  notificationsTitle: '通知',
  noNotifications: '没有通知',
  markRead: '标为已读',
  markAllRead: '全部标为已读',
  showUnreadOnly: '只看未读',
  openTicket: '查看工单',
  unread: '未读',
  event_created: '创建工单',
  event_received: '登记受理',
  event_routed: '自动分派',
  event_assigned: '分派',
  event_accepted: '接单',
  event_started: '开始处理',
  event_escalated: '升级',
  event_transferred: '转办',
  event_resolved: '处理完毕',
  event_callback: '回访',
  event_verified: '查验',
  event_closed: '关闭',
  event_reopened: '重新打开',
  event_cancelled: '撤销',
  event_comment: '备注',
  by: '操作人',
} as const;

export type MessageKey = keyof typeof zh;
type Messages = Readonly<Record<MessageKey, string>>;

const en: Messages = {
  appName: 'Huixiang',
  appTagline: 'Customer feedback & complaints',
  loading: 'Loading…',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  email: 'E-mail',
  password: 'Password',
  signInTitle: 'Staff sign-in',
  errInvalidCredential: 'Wrong e-mail or password',
  errTooManyRequests: 'Too many attempts, please try again later',
  errNetwork: 'Network error, please check the connection and retry',
  errUnknown: 'Something went wrong: {detail}',
  errNotStaff: 'This account is not registered as staff; please contact an administrator',
  errNotFound: 'Ticket not found',
  errPermission: 'You are not allowed to do this',
  errConfig: 'Could not load the runtime configuration',
  retry: 'Retry',
  language: 'Language',
  otherLanguage: '中文',
  notifications: 'Notifications',
  unreadTitle: 'Unread notifications',
  navTickets: 'Tickets',
  navNewTicket: 'New ticket',
  queue_all: 'All',
  queue_mine: 'Mine',
  queue_department: 'My department',
  queue_overdue: 'Overdue',
  queue_due_soon: 'Due soon',
  queue_awaiting_callback: 'Awaiting callback',
  queue_awaiting_verification: 'Awaiting verification',
  refresh: 'Refresh',
  colNumber: 'No.',
  colTitle: 'Title',
  colKind: 'Kind',
  colClient: 'Client',
  colState: 'State',
  colOwner: 'Owner',
  colDue: 'Due',
  colEscalation: 'Escalation',
  noTickets: 'No tickets in this queue',
  unassigned: 'Not yet assigned',
  none: '—',
  escalationLevel: 'level {n}',
  newTicketTitle: 'New ticket',
  fieldClient: 'Client',
  chooseClient: 'Choose a client',
  fieldKind: 'Kind',
  fieldSubject: 'Complaint subject',
  chooseSubject: 'Choose a subject',
  fieldChannel: 'Channel',
  fieldTitle: 'Title',
  fieldDescription: 'Description',
  fieldClaimedAmount: 'Claimed amount (yuan)',
  fieldCompensation: 'Compensation claimed',
  fieldAgainstOfficeDirector: 'Against an office director',
  fieldMajor: 'Major complaint',
  flagsLegend: 'Special circumstances',
  reporterLegend: 'Complainant (confidential)',
  reporterHint: 'Visible only to those who need it. Retaliation against complainants is forbidden.',
  fieldReporterName: 'Name',
  fieldReporterPhone: 'Phone',
  fieldReporterEmail: 'E-mail',
  fieldReporterConsent: 'Agrees to be contacted',
  submit: 'Submit',
  submitting: 'Submitting…',
  cancel: 'Cancel',
  formHasErrors: 'Please correct the marked fields',
  vRequired: 'Required',
  vTooLong: 'Too long',
  vEmail: 'Not a valid e-mail address',
  vNumber: 'Enter a number of 0 or more',
  vSubjectNeeded: 'A complaint needs a subject',
  vSubjectOnlyComplaint: 'Only complaints have a subject',
  vReporterName: 'A name is needed when complainant details are given',
  vInvalid: 'Invalid value',
  detailTitle: 'Ticket {number}',
  backToList: 'Back to list',
  fieldNumber: 'Number',
  fieldState: 'State',
  fieldOwner: 'Owner department',
  fieldRoutingReason: 'Routing reason',
  fieldReceivedAt: 'Received',
  fieldDueAt: 'Due',
  fieldTimeLeft: 'Time left',
  fieldEscalation: 'Escalation level',
  fieldMajorShort: 'Major',
  yes: 'Yes',
  no: 'No',
  timeLeft: '{d} left',
  overdueBy: 'overdue by {d}',
  days: '{n}d',
  hours: '{n}h',
  minutes: '{n}m',
  lessThanMinute: 'under a minute',
  routingPending: 'Routing…',
  history: 'History',
  noEvents: 'No events yet',
  reporter: 'Complainant',
  reporterRedacted: 'Hidden: you may not see the complainant’s identity',
  reporterNone: 'No complainant details given',
  consentYes: 'agrees to be contacted',
  consentNo: 'does not want to be contacted',
  actions: 'Actions',
  noActions: 'No actions available',
  notificationsTitle: 'Notifications',
  noNotifications: 'No notifications',
  markRead: 'Mark read',
  markAllRead: 'Mark all read',
  showUnreadOnly: 'Unread only',
  openTicket: 'Open ticket',
  unread: 'Unread',
  event_created: 'Created',
  event_received: 'Received',
  event_routed: 'Routed',
  event_assigned: 'Assigned',
  event_accepted: 'Accepted',
  event_started: 'Work started',
  event_escalated: 'Escalated',
  event_transferred: 'Transferred',
  event_resolved: 'Resolved',
  event_callback: 'Callback',
  event_verified: 'Verified',
  event_closed: 'Closed',
  event_reopened: 'Reopened',
  event_cancelled: 'Cancelled',
  event_comment: 'Comment',
  by: 'by',
};

const MESSAGES: Readonly<Record<Locale, Messages>> = { 'zh-CN': zh, en };
const STORAGE_KEY = 'huixiang.locale';

function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage unavailable (privacy mode): fall back to the default
  }
  return 'zh-CN';
}

let current: Locale = initialLocale();
document.documentElement.lang = current;

export function locale(): Locale {
  return current;
}

export function setLocale(next: Locale): void {
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered; still switched for this session
  }
}

export function otherLocale(): Locale {
  return current === 'zh-CN' ? 'en' : 'zh-CN';
}

/** A UI string, with `{name}` placeholders filled from params. */
export function t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[current][key].replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : String(v);
  });
}

/** A domain label from vocabulary.ts, in the current language; the raw key if unknown. */
export function label<K extends string>(labels: Readonly<Record<K, Label>>, key: K | string | null | undefined): string {
  if (key === null || key === undefined || key === '') return t('none');
  const entry = (labels as Readonly<Record<string, Label | undefined>>)[key];
  return entry ? entry[current] : key;
}

/** Whether a message key exists (for dynamic keys such as event types). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}
