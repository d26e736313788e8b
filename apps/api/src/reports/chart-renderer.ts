import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { withCompactAxes, type Locale } from '@creator-ops/format';

export interface RenderSize {
  width: number;
  height: number;
}

const FONT_FAMILY = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'DejaVu Sans', sans-serif";

/** Server-side ECharts: the same plain-JSON option the browser gets, rendered to SVG without animation. */
export function renderChartSvg(option: Record<string, unknown>, size: RenderSize = { width: 960, height: 540 }, locale: Locale = 'zh-CN'): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ backgroundColor: '#ffffff', textStyle: { fontFamily: FONT_FAMILY }, ...withCompactAxes(option, locale), animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** SVG to PNG with the system fonts (a CJK font is installed by .ci/run and the README's setup). */
export function svgToPng(svg: string, width = 1920): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Micro Hei' },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}
