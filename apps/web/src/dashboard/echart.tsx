import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { ComposeOption, init, use } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { CSSProperties, useEffect, useRef } from 'react';

// only what the dashboard draws: the bundle carries these parts of ECharts, not the whole library
use([BarChart, LineChart, HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, AriaComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption>;

/**
 * An ECharts chart (SVG) that follows its option and its box's width. It is an image to assistive
 * technology, named by `label`; the figures themselves are in the table beside every chart.
 */
export function EChart({ option, label, style, testId }: { option: ChartOption; label: string; style?: CSSProperties; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  useEffect(() => {
    const el = box.current!;
    chart.current = init(el, undefined, { renderer: 'svg' });
    const resize = new ResizeObserver(() => chart.current?.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, aria: { enabled: false }, ...option }, true);
  }, [option]);
  return <div ref={box} role="img" aria-label={label} style={style} data-testid={testId} />;
}
