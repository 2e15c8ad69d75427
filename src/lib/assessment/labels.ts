/**
 * Bilingual labels for the fixed values in a report (bands, gauge levels, strategies, risk
 * fields, evidence), so the results page needs no strings of its own for them.
 */
import type { Bilingual } from '../../schemas/bilingual.ts';
import type { BandId, EvidenceLevel, HypeGauge, ProfitModelFit, RiskImpact, RiskResponse, RiskType, StrategyId } from './types.ts';

export const BAND_LABELS: Record<BandId, Bilingual> = {
  ready: { 'zh-CN': '理性且就绪', en: 'Rational and ready' },
  promising: { 'zh-CN': '有潜力，但有短板', en: 'Promising, with gaps' },
  early: { 'zh-CN': '早期 / 有狂热风险', en: 'Early / hype risk' },
  'not-ready': { 'zh-CN': '尚未就绪', en: 'Not ready' },
};

export const HYPE_LEVEL_LABELS: Record<HypeGauge['level'], Bilingual> = {
  rational: { 'zh-CN': '理性', en: 'Rational' },
  mixed: { 'zh-CN': '狂热与理性并存', en: 'Mixed' },
  hype: { 'zh-CN': '狂热驱动', en: 'Hype-driven' },
};

export const STRATEGY_LABELS: Record<StrategyId | 'undecided', Bilingual> = {
  'train-large': { 'zh-CN': '从零训练大模型', en: 'Train a large model from scratch' },
  'fine-tune': { 'zh-CN': '在预训练模型上微调', en: 'Fine-tune a pre-trained model' },
  traditional: { 'zh-CN': '传统模型', en: 'Traditional model' },
  api: { 'zh-CN': '调用第三方模型 API', en: 'Third-party model API' },
  undecided: { 'zh-CN': '尚未决定', en: 'Not decided' },
};

export const RISK_TYPE_LABELS: Record<RiskType, Bilingual> = {
  technical: { 'zh-CN': '技术风险', en: 'Technical risk' },
  market: { 'zh-CN': '市场风险', en: 'Market risk' },
  financial: { 'zh-CN': '财务风险', en: 'Financial risk' },
};

/** Name of the risk each register entry stands for (the founder names it; the register records its type). */
export const RISK_NAMES: Record<RiskType, Bilingual> = {
  technical: { 'zh-CN': '最大的技术风险', en: 'Top technical risk' },
  market: { 'zh-CN': '最大的市场风险', en: 'Top market risk' },
  financial: { 'zh-CN': '最大的财务风险', en: 'Top financial risk' },
};

/** The implicit answer every question has. */
export const UNKNOWN_LABEL: Bilingual = { 'zh-CN': '不知道', en: "Don't know" };

export const RISK_IMPACT_LABELS: Record<RiskImpact | 'unknown', Bilingual> = {
  'not-identified': { 'zh-CN': '尚未识别', en: 'Not identified' },
  low: { 'zh-CN': '低', en: 'Low' },
  medium: { 'zh-CN': '中', en: 'Medium' },
  high: { 'zh-CN': '高', en: 'High' },
  unknown: UNKNOWN_LABEL,
};

export const RISK_RESPONSE_LABELS: Record<RiskResponse | 'unknown', Bilingual> = {
  none: { 'zh-CN': '没有应对', en: 'No response' },
  accept: { 'zh-CN': '接受', en: 'Accept' },
  avoid: { 'zh-CN': '风险规避', en: 'Avoid' },
  mitigate: { 'zh-CN': '风险减轻', en: 'Mitigate' },
  transfer: { 'zh-CN': '风险转移', en: 'Transfer' },
  unknown: UNKNOWN_LABEL,
};

export const PROFIT_STATUS_LABELS: Record<ProfitModelFit['status'], Bilingual> = {
  none: { 'zh-CN': '没有盈利模式', en: 'No revenue model' },
  hypothesis: { 'zh-CN': '只有假设，尚未定价', en: 'A hypothesis, no pricing' },
  validated: { 'zh-CN': '定价已在试点中检验', en: 'Pricing tested in pilots' },
  recurring: { 'zh-CN': '已有持续性收入', en: 'Recurring revenue' },
  unknown: UNKNOWN_LABEL,
};

export const EVIDENCE_LABELS: Record<EvidenceLevel | 'unstated', Bilingual> = {
  measured: { 'zh-CN': '有测量数据', en: 'Measured' },
  some: { 'zh-CN': '有一些证据', en: 'Some evidence' },
  belief: { 'zh-CN': '只是判断', en: 'Belief' },
  unstated: { 'zh-CN': '未说明', en: 'Not stated' },
};
