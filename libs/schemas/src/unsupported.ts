import type { UnsupportedExportDef } from './types';

/** Exports recognised but not imported: refused with KIND_NOT_SUPPORTED, never read as a neighbouring kind. */
export const UNSUPPORTED_EXPORTS: UnsupportedExportDef[] = [
  {
    key: 'fund_flow',
    label: { zh: '抖店 资金账单（动账明细）', en: '抖店 fund flow statement (资金账单 / 动账明细)' },
    advice: {
      zh: '资金流水不是订单或结算明细，导入会与订单重复；店铺净收入请上传结算账单',
      en: 'money movements are neither orders nor settlements and would double-count orders; for net income upload the settlement statement (结算账单)',
    },
    headers: ['动账时间', '动账流水号', '动账方向', '动账金额', '动账账户', '动账场景', '动账类型', '入账金额', '出账金额', '账户余额'],
    minMatches: 2,
  },
  {
    key: 'live_screen_snapshots',
    label: { zh: '千川直播大屏（按采集时间的累计快照）', en: '千川 live screen (cumulative snapshots by 采集时间)' },
    advice: {
      zh: '每行是截至采集时刻的累计值，行与行不能相加；请导出按日或按场次的千川报表，或罗盘直播列表',
      en: 'each row is a running total up to its capture time, so rows cannot be added; export the 千川 daily or per-session report, or the 罗盘 live list',
    },
    headers: ['采集时间'],
    minMatches: 1,
  },
];
