import type { KindDef } from '../types';

/**
 * 问卷星 (按选项文本 / 按选项序号) and 腾讯问卷 answer-sheet exports: one row per answer sheet. The fixed
 * columns are fields; every question column ("1、您的年龄段：", "3、(抖音)", "第2题：…", "Q4:…") is
 * kept as text and read by the survey tabulation (libs/query survey), which infers each question's
 * type. IPs and contact columns are personal data; contact data inside open answers is scrubbed.
 */
export const surveyKind: KindDef = {
  kind: 'survey',
  label: { zh: '问卷答卷', en: 'Survey responses' },
  naturalKeys: [
    ['account', 'respondent_id'],
    ['account', 'submitted_at'],
  ],
  mergeMode: 'row',
  dateField: 'submitted_at',
  scrubRawText: true,
  piiHeaders: ['来自IP', 'IP', 'IP地址', '来源IP', '填写者IP', '用户IP', '手机号', '联系电话', '联系方式', '姓名', '微信昵称', '微信号'],
  fields: [
    { key: 'account', type: 'string', label: { zh: '问卷', en: 'Survey' }, aliases: ['问卷名称', '问卷标题'] },
    { key: 'respondent_id', type: 'id', label: { zh: '答卷序号', en: 'Response ID' }, aliases: ['序号', '编号', '答卷编号', '答卷ID', '回答ID'] },
    {
      key: 'submitted_at',
      type: 'datetime',
      label: { zh: '提交答卷时间', en: 'Submitted at' },
      aliases: ['提交答卷时间', '提交时间', '结束答题时间', '答题结束时间'],
      signature: true,
    },
    { key: 'started_at', type: 'datetime', label: { zh: '开始答题时间', en: 'Started at' }, aliases: ['开始答题时间', '答题开始时间'] },
    {
      key: 'duration_seconds',
      type: 'decimal',
      label: { zh: '所用时间(秒)', en: 'Time taken (s)' },
      aliases: ['所用时间', '答题时长', '填写用时'],
      timeUnit: 'seconds',
      signature: true,
    },
    { key: 'source', type: 'enum', label: { zh: '来源', en: 'Source' }, aliases: ['来源', '答卷来源', '来源渠道'] },
    { key: 'source_detail', type: 'string', label: { zh: '来源详情', en: 'Source detail' }, aliases: ['来源详情'] },
    { key: 'total_score', type: 'decimal', label: { zh: '总分', en: 'Total score' }, aliases: ['总分'] },
  ],
};
