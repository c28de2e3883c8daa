import { BarChart, LineChart, PieChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef, type RefObject } from "react";

// only what the portal draws: bars, lines and pies, with axes, a legend, tooltips and a
// description for screen readers
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** What a page may ask of a drawn chart: the picture as a PNG (for a report to take away). */
export interface ChartHandle {
  png: () => Promise<Blob>;
}

/** The chart's SVG drawn onto a canvas, white behind it, as PNG (the portal draws SVG only). */
async function pngOf(chart: echarts.ECharts): Promise<Blob> {
  const img = new Image();
  img.src = chart.getDataURL({ type: "svg" });
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = chart.getWidth() * 2;
  canvas.height = chart.getHeight() * 2;
  const g = canvas.getContext("2d")!;
  g.fillStyle = "#fff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("no PNG"))), "image/png"),
  );
}

/** An ECharts chart, drawn as SVG, redrawn when its option changes. */
export default function Chart({
  option,
  height = 260,
  label,
  handle,
}: {
  option: ChartOption;
  height?: number;
  label: string;
  /** Filled with what the page may ask of the chart once it is drawn. */
  handle?: RefObject<ChartHandle | null>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    chart.current = echarts.init(box.current!, undefined, { renderer: "svg" });
    if (handle) handle.current = { png: () => pngOf(chart.current!) };
    const resize = () => chart.current?.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, true);
  }, [option]);
  // the figure is named by its label; ECharts' aria describes the data on the chart itself
  return (
    <figure aria-label={label} style={{ margin: 0 }}>
      <div ref={box} style={{ width: "100%", height }} />
    </figure>
  );
}
