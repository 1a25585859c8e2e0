/** Apache ECharts through echarts-for-react, with only the chart types the pages use. */
import { useMemo, useRef } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, PieChart, GaugeChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex: number;
  data?: unknown;
}

export function Chart({ option, height = 300, onClick, testId }: { option: EChartsCoreOption; height?: number; onClick?: (event: ChartClick) => void; testId?: string }) {
  const wrapper = useRef<HTMLDivElement>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const clickable = !!onClick;
  // Stable handlers: echarts-for-react rebinds whenever this object changes.
  const events = useMemo(
    () => ({
      // Marks the chart as drawn (for the page-load measurement and tests).
      rendered: () => wrapper.current?.setAttribute('data-drawn', 'true'),
      ...(clickable ? { click: (event: ChartClick) => clickRef.current?.(event) } : {}),
    }),
    [clickable],
  );
  return (
    <div data-testid={testId} ref={wrapper}>
      <ReactEChartsCore echarts={echarts} option={option} lazyUpdate style={{ height, width: '100%' }} opts={{ renderer: 'canvas' }} onEvents={events} />
    </div>
  );
}

/** Colours that read well next to the red header: distinct, not alarming. */
export const PALETTE = ['#c1272d', '#1f5fbf', '#e08a00', '#2f9e6e', '#7b4bb7', '#13a8a8', '#d4380d', '#597ef7', '#8c8c8c', '#b37feb'];
