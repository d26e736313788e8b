import type { ParamDef } from '../types';

export const PARAMS: ParamDef[] = [
  {
    key: 'gross_margin',
    label: { zh: '毛利率', en: 'Gross margin' },
    description: { zh: '（售价 − 成本）/ 售价，0 到 1 之间的小数', en: '(price − cost) / price, a fraction between 0 and 1' },
    min: 0,
    max: 1,
  },
];
