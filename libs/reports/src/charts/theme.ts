/**
 * One look for every chart (web, SVG and PNG exports). Plain data only: options are JSON.
 * Animation is left at the ECharts default for the browser; a server-side renderer sets
 * `animation: false` itself before `renderToSVGString()`.
 */
export const FONT_FAMILY = "'PingFang SC','Microsoft YaHei',sans-serif";

export const PALETTE = ['#3a7afe', '#2fbf8c', '#f5a524', '#ef5d5d', '#8b6cf1', '#22b8cf', '#f07cb3', '#7d8ba5', '#a3c93a', '#ff8d4d'];

export const COLORS = {
  text: '#1f2329',
  subText: '#646a73',
  axisLine: '#dee0e3',
  splitLine: '#eff0f1',
  background: '#ffffff',
  positive: '#2fbf8c',
  negative: '#ef5d5d',
  reference: '#f5a524',
  muted: '#b6bdc9',
} as const;

export const ABC_COLORS: Record<string, string> = { A: '#3a7afe', B: '#f5a524', C: '#b6bdc9' };

interface LayoutOptions {
  secondaryAxis?: boolean;
  legend?: boolean;
  subtitle?: boolean;
  /** Horizontal bars: category names on the left take their own room. */
  horizontal?: boolean;
  /** Room under the plot for a centred category-axis name. */
  axisNameBelow?: boolean;
}

/** The legend row sits at the bottom, clear of the axis names drawn above the plot. */
const LEGEND_BOTTOM = 6;
const LEGEND_ROOM = 30;

/** Plot area below the title (and subtitle), leaving room for axis names above the plot and the legend below it. */
export function gridLayout(opts: LayoutOptions = {}): Record<string, unknown> {
  const top = (opts.subtitle ? 58 : 40) + 36;
  const bottom = (opts.axisNameBelow ? 56 : 32) + (opts.legend ? LEGEND_ROOM : 0);
  return { left: opts.horizontal ? 32 : 56, right: opts.secondaryAxis ? 64 : 40, top, bottom };
}

/** Title, palette, fonts and the tooltip shell shared by every chart. */
export function baseOption(title: string, subtitle?: string): Record<string, unknown> {
  return {
    color: PALETTE,
    backgroundColor: COLORS.background,
    textStyle: { fontFamily: FONT_FAMILY, color: COLORS.text },
    title: {
      text: title,
      ...(subtitle ? { subtext: subtitle } : {}),
      left: 16,
      top: 12,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 16, fontWeight: 600, color: COLORS.text },
      subtextStyle: { fontFamily: FONT_FAMILY, fontSize: 12, color: COLORS.subText },
    },
    // Item tooltips: each data item carries its own preformatted text (no formatter functions in JSON).
    tooltip: {
      trigger: 'item',
      confine: true,
      backgroundColor: 'rgba(255,255,255,0.96)',
      borderColor: COLORS.axisLine,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 12, color: COLORS.text },
    },
  };
}

export function legendOption(names: string[], _subtitle?: boolean): Record<string, unknown> {
  return {
    type: 'scroll',
    data: names,
    bottom: LEGEND_BOTTOM,
    left: 16,
    right: 16,
    icon: 'roundRect',
    itemWidth: 12,
    itemHeight: 8,
    textStyle: { fontFamily: FONT_FAMILY, color: COLORS.subText },
  };
}

const AXIS_TEXT = { fontFamily: FONT_FAMILY, color: COLORS.subText, fontSize: 12 };

/** A value axis; its name (with the unit) sits above the axis, aligned inwards so it is never cut off. */
export function valueAxisOption(name: string, extra: Record<string, unknown> = {}, side: 'left' | 'right' | 'bottom' = 'left'): Record<string, unknown> {
  return {
    type: 'value',
    name,
    nameTextStyle: { ...AXIS_TEXT, align: side === 'bottom' ? 'center' : side === 'left' ? 'left' : 'right' },
    ...(side === 'bottom' ? { nameLocation: 'middle', nameGap: 30 } : {}),
    axisLabel: { ...AXIS_TEXT },
    axisLine: { show: false },
    splitLine: { lineStyle: { color: COLORS.splitLine } },
    ...extra,
  };
}

/** A category axis; on x its name is centred below the labels, on y (horizontal bars) above them. */
export function categoryAxisOption(
  name: string,
  data: string[],
  extra: Record<string, unknown> = {},
  side: 'bottom' | 'left' = 'bottom',
): Record<string, unknown> {
  return {
    type: 'category',
    name,
    data,
    nameTextStyle: { ...AXIS_TEXT, ...(side === 'left' ? { align: 'right' } : {}) },
    ...(side === 'bottom' ? { nameLocation: 'middle', nameGap: 30 } : {}),
    axisLabel: { ...AXIS_TEXT, hideOverlap: true },
    axisLine: { lineStyle: { color: COLORS.axisLine } },
    axisTick: { alignWithLabel: true },
    ...extra,
  };
}
