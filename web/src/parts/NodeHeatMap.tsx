import { Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";

type Node = components["schemas"]["NodeUse"];

/** How full a node is, 0..1: the larger of its cores' and its GPUs' share in use. */
function load(n: Node): number {
  const cpu = n.cpus ? n.allocCpus / n.cpus : 0;
  const gpu = n.gpus ? n.allocGpus / n.gpus : 0;
  return Math.max(cpu, gpu);
}

/** From pale (idle) to deep blue (full); down nodes grey. */
function colour(n: Node): string {
  if (n.state === "down") return "#8c8c8c";
  const l = load(n);
  const mix = (a: number, b: number) => Math.round(a + (b - a) * l);
  return `rgb(${mix(230, 9)}, ${mix(244, 88)}, ${mix(255, 217)})`;
}

/**
 * Every node of a cluster as a square, its colour how full it is: a center's thousands of
 * nodes at a glance (plain elements rather than a chart: each is named for screen readers,
 * and a tooltip says what is on it).
 */
export function NodeHeatMap({ nodes, label }: { nodes: Node[]; label: string }) {
  const { t } = useTranslation();
  const size = nodes.length > 500 ? 10 : nodes.length > 100 ? 16 : 28;
  return (
    <div role="list" aria-label={label} style={{ display: "flex", flexWrap: "wrap", gap: 3 }}>
      {nodes.map((n) => {
        const words = t("clusters.nodeUse", {
          node: n.name,
          state: t(`clusters.state.${n.state}`),
          cpus: n.allocCpus,
          total: n.cpus,
          gpus: n.allocGpus,
          totalGpus: n.gpus,
          jobs: n.runningJobs,
        });
        return (
          <Tooltip key={n.name} title={words}>
            <div
              role="listitem"
              aria-label={words}
              tabIndex={0}
              style={{
                width: size,
                height: size,
                background: colour(n),
                border: "1px solid rgba(0,0,0,0.15)",
                borderRadius: 2,
              }}
            />
          </Tooltip>
        );
      })}
    </div>
  );
}
