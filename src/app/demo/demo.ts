import { VirtualCluster } from "../../backends/virtual/virtual-cluster.js";
import { expandVirtualCluster } from "../../backends/virtual/virtual-config.js";
import { invalidInput } from "../../core/errors.js";
import type { CenterConfig } from "../center-config.js";
import type { Center } from "../center.js";
import { DemoReplay, demoWorkload } from "./demo-replay.js";
import { DEMO_CLUSTER, DEMO_PASSWORD, setUpDemo } from "./demo-setup.js";

/** The config of a demo center: the given one with the demo cluster added, passwords not forced to change. */
export function demoConfig(config: CenterConfig): CenterConfig {
  if (
    config.virtual.some((v) => v.name === DEMO_CLUSTER.name) ||
    config.slurm.some((s) => s.name === DEMO_CLUSTER.name)
  )
    throw invalidInput(
      `--demo adds a cluster named ${DEMO_CLUSTER.name}; the config declares one already`,
    );
  return {
    ...config,
    auth: { ...config.auth, forcePasswordChange: false },
    virtual: [...config.virtual, expandVirtualCluster(DEMO_CLUSTER)],
  };
}

/** Fills a new demo center (institutions, people, money) and starts replaying its workload; says what it did. */
export async function startDemo(center: Center): Promise<{ stop(): void; banner: string }> {
  const cluster = center.backends.get(DEMO_CLUSTER.name);
  if (!(cluster instanceof VirtualCluster)) throw new Error("the demo cluster is missing");
  const users = await setUpDemo(center, cluster.now());
  const { w, source } = demoWorkload();
  const replay = new DemoReplay(center, cluster, w, users);
  replay.start();
  const names = users.map((u) => u.actor.username).join(", ");
  return {
    stop: () => replay.stop(),
    banner:
      `Demo: cluster "demo" (2,000 CPU nodes of 64 cores, 200 GPU nodes with 8 A100 each, all virtual) replays ${source}, ` +
      `from a week ago at 1,000 times the speed until it meets the wall clock.\n` +
      `Demo: sign in as ${names} or an institution's admin (hospital-admin, …) with the password ${DEMO_PASSWORD}.\n`,
  };
}
