/**
 * The report in Firestore (`surveyReports/{campaignId}`): built when a campaign closes from its
 * counter document, the answers that carry text and the previous campaign's report — not from
 * every answer. Rebuilding overwrites it with the same figures (idempotent).
 */
import ExcelJS from 'exceljs';
import type { Firestore } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import { Campaign, SurveyResponse } from '../../domain/surveys/campaign';
import { buildReport, SurveyReport, type TextAnswer } from '../../domain/surveys/report';
import { parseDoc } from '../../lib/firestore';
import { loadOrg } from '../org';
import { campaignRef, decodeStats, responsesOf, statsRef } from './campaigns';
import { loadVersion } from './questionnaires';
import { refuse } from './refuse';

const reportRef = (db: Firestore, id: string) => db.collection(COL.surveyReports).doc(id);

export async function buildAndStoreReport(db: Firestore, campaignId: string, now: Date): Promise<SurveyReport> {
  const campaign = parseDoc(Campaign, await campaignRef(db, campaignId).get());
  const [version, statsSnap, textSnap, previousSnap, followUpSnap, org] = await Promise.all([
    loadVersion(db, campaign.questionnaireId, campaign.questionnaireVersion),
    statsRef(db, campaignId).get(),
    responsesOf(db, campaignId).where('hasText', '==', true).get(),
    db.collection(COL.surveyReports).where('deadline', '<', campaign.opensAt).orderBy('deadline', 'desc').limit(1).get(),
    responsesOf(db, campaignId).where('needsFollowUp', '==', true).count().get(),
    loadOrg(db),
  ]);
  const texts: TextAnswer[] = [];
  for (const d of textSnap.docs) {
    const r = parseDoc(SurveyResponse, d);
    if (r.status !== 'submitted') continue;
    for (const q of version.questions) {
      const v = r.answers[q.id];
      if (q.type === 'text' && typeof v === 'string' && v.trim()) texts.push({ questionId: q.id, text: v, branchId: r.branchId, format: r.format });
    }
  }
  const previous = previousSnap.docs[0] ? parseDoc(SurveyReport, previousSnap.docs[0]) : null;
  const report = buildReport({
    campaignId, campaign, version, stats: decodeStats(statsSnap.data()), texts, previous,
    names: Object.fromEntries(org.branches.map((b) => [b.id, b.name])),
    followUps: followUpSnap.data().count, builtAt: now,
  });
  await reportRef(db, campaignId).set(SurveyReport.parse(report));
  await campaignRef(db, campaignId).update({ reportBuiltAt: now, updatedAt: now });
  return report;
}

export async function loadReport(db: Firestore, campaignId: string): Promise<SurveyReport> {
  const snap = await reportRef(db, campaignId).get();
  if (!snap.exists) throw refuse('failed-precondition', 'survey.report_not_ready');
  return parseDoc(SurveyReport, snap);
}

const pct = (x: number | null) => (x === null ? '' : Math.round(x * 1000) / 10);

/** The report as an XLSX workbook (zh-CN headings), base64 for a callable's JSON answer. */
export async function reportXlsx(report: SurveyReport): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Huixiang 回响';
  wb.created = report.builtAt;
  const summary = wb.addWorksheet('概览 Summary');
  summary.columns = [{ header: '项目', key: 'k', width: 28 }, { header: '数值', key: 'v', width: 40 }];
  summary.addRows([
    { k: '调查', v: report.title['zh-CN'] },
    { k: '开始 / 截止', v: `${report.opensAt.toISOString()} – ${report.deadline.toISOString()}` },
    { k: '客户总数', v: report.population },
    { k: '样本量', v: report.sampleSize },
    { k: '回收份数', v: report.answered },
    { k: '回收率 %', v: pct(report.returnRate) },
    { k: '目标回收率 %', v: pct(report.targetReturnRate) },
    { k: '总体满意率 %', v: pct(report.overall.satisfied) },
    { k: '总体平均分', v: report.overall.mean ?? '' },
    { k: '回访工单数', v: report.followUps },
  ]);
  const topics = wb.addWorksheet('主题 Topics');
  topics.columns = [
    { header: '主题', key: 'topic', width: 16 }, { header: '评分数', key: 'n', width: 10 }, { header: '平均分', key: 'mean', width: 10 },
    { header: '满意率 %', key: 'sat', width: 10 }, { header: '上期满意率 %', key: 'prev', width: 14 }, { header: '变化 %', key: 'delta', width: 10 },
  ];
  for (const t of report.topics) {
    topics.addRow({ topic: t.label['zh-CN'], n: t.score.n, mean: t.score.mean ?? '', sat: pct(t.score.satisfied), prev: pct(t.previous?.satisfied ?? null), delta: pct(t.deltaSatisfied) });
  }
  const questions = wb.addWorksheet('题目 Questions');
  questions.columns = [
    { header: '题目', key: 'q', width: 48 }, { header: '回答数', key: 'n', width: 10 }, { header: '平均分', key: 'mean', width: 10 },
    { header: '满意率 %', key: 'sat', width: 10 }, { header: '选项分布', key: 'opts', width: 60 },
  ];
  for (const q of report.questions) {
    questions.addRow({
      q: q.text['zh-CN'], n: q.answered, mean: q.score?.mean ?? '', sat: pct(q.score?.satisfied ?? null),
      opts: q.options.map((o) => `${o.label['zh-CN']} ${o.count}`).join('；'),
    });
  }
  const breakdown = wb.addWorksheet('分组 Breakdown');
  breakdown.columns = [
    { header: '维度', key: 'dim', width: 12 }, { header: '分组', key: 'value', width: 20 }, { header: '回收', key: 'n', width: 8 },
    { header: '平均分', key: 'mean', width: 10 }, { header: '满意率 %', key: 'sat', width: 10 },
  ];
  const DIM_NAMES: Record<string, string> = { branchId: '分公司', format: '业态', zone: '区域', tier: '档位' };
  for (const [dim, rows] of Object.entries(report.breakdowns)) {
    for (const r of rows) breakdown.addRow({ dim: DIM_NAMES[dim] ?? dim, value: r.label, n: r.answered, mean: r.overall.mean ?? '', sat: pct(r.overall.satisfied) });
  }
  const strata = wb.addWorksheet('分层 Strata');
  strata.columns = [{ header: '业态|区域|类型', key: 's', width: 30 }, { header: '样本', key: 'd', width: 8 }, { header: '回收', key: 'a', width: 8 }, { header: '回收率 %', key: 'r', width: 10 }];
  for (const s of report.strata) strata.addRow({ s: s.stratum, d: s.drawn, a: s.answered, r: pct(s.returnRate) });
  const text = wb.addWorksheet('意见 Opinions');
  text.columns = [{ header: '类别', key: 'g', width: 14 }, { header: '意见', key: 't', width: 80 }, { header: '分公司', key: 'b', width: 14 }, { header: '业态', key: 'f', width: 12 }];
  for (const g of report.freeText) for (const i of g.items) text.addRow({ g: g.label['zh-CN'], t: i.text, b: i.branchId, f: i.format });
  for (const ws of wb.worksheets) ws.getRow(1).font = { bold: true };
  const buffer = await wb.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer).toString('base64');
}

/** The scheduled closing: every open campaign past its deadline is closed, reported and followed up. */
export async function closeDueCampaigns(
  db: Firestore, now: Date, followUps: (db: Firestore, campaignId: string, now: Date) => Promise<number>,
): Promise<{ closed: string[]; reported: string[] }> {
  const [due, unreported] = await Promise.all([
    db.collection(COL.surveyCampaigns).where('state', '==', 'open').where('deadline', '<=', now).get(),
    db.collection(COL.surveyCampaigns).where('state', '==', 'closed').get(),
  ]);
  const closed: string[] = [];
  for (const d of due.docs) {
    const tx = await db.runTransaction(async (t) => {
      const snap = await t.get(d.ref);
      if (snap.get('state') !== 'open') return false;
      t.update(d.ref, { state: 'closed', closedAt: now, updatedAt: now });
      return true;
    });
    if (tx) closed.push(d.id);
  }
  const toReport = [...new Set([...closed, ...unreported.docs.filter((d) => d.get('reportBuiltAt') == null).map((d) => d.id)])];
  for (const id of toReport) {
    // Follow-ups first: a failure leaves reportBuiltAt null, so the next run retries both.
    while ((await followUps(db, id, now)) > 0);
    await buildAndStoreReport(db, id, now);
  }
  return { closed, reported: toReport };
}
