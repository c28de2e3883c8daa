import type { Actor } from "../../services/access/actor.js";
import type { Center } from "../center.js";
import { findUserByName } from "../../store/users.js";
import type { VirtualClusterInput } from "../../backends/virtual/virtual-config.js";
import { seedFreePrices, type SeedRates } from "../first-start.js";

/** The demo center's cluster: the size of a real regional center, 2,000 CPU nodes and 200 GPU nodes. */
export const DEMO_CLUSTER: VirtualClusterInput = {
  name: "demo",
  backend: "virtual",
  nodes: [
    { prefix: "cn", count: 2000, cpus: 64, memMiB: 256 * 1024 },
    { prefix: "gn", count: 200, cpus: 64, memMiB: 1024 * 1024, gpus: 8, gpuType: "a100" },
  ],
  partitions: [
    { name: "cpu", nodes: ["cn"], default: true, maxTime: 3 * 86400 },
    { name: "gpu", nodes: ["gn"], maxTime: 3 * 86400 },
  ],
  // a week replayed in about ten minutes, then the wall clock's pace
  speed: 1000,
  startsAgo: 7 * 86400,
};

export const DEMO_PASSWORD = "guang-demo-2026";

/** The institutions of the demo, each with its admin, two researchers and one account. */
const INSTITUTIONS = [
  { tenant: "hospital", account: "med-imaging", people: ["li-na", "wang-fang"], gpu: true },
  { tenant: "climate", account: "air-quality", people: ["zhao-lei", "chen-jing"], gpu: false },
  { tenant: "genomics", account: "gene-seq", people: ["liu-yang", "sun-mei"], gpu: false },
  { tenant: "ai-institute", account: "llm-train", people: ["zhou-jie", "wu-hao"], gpu: true },
];

/** A researcher the replay submits as: who, to which account, and whether their work is on GPUs. */
export interface DemoUser {
  actor: Actor;
  account: string;
  gpu: boolean;
}

/** Signs in a user of this center in-process (the demo acts for its people as they would). */
async function actorOf(center: Center, username: string): Promise<Actor> {
  const row = (await findUserByName(center.store.db, username))!;
  const s = await center.auth.openSession(row, "127.0.0.1", "demo");
  return center.auth.authenticate({
    authorization: `Bearer ${s.token}`,
    method: "POST",
    ip: "127.0.0.1",
  });
}

/**
 * Makes the demo's institutions, people, accounts, prices and money through the services,
 * as the center's admin would. Prices run from where the cluster's clock begins.
 */
export async function setUpDemo(center: Center, clockOriginMs: number): Promise<DemoUser[]> {
  const admin = await actorOf(center, "admin");
  await seedFreePrices(
    center.store,
    { name: "demo", partitions: [{ name: "cpu" }, { name: "gpu" }] },
    clockOriginMs,
    (p): SeedRates =>
      // 0.04 a core-hour; an A100 hour 6.00 (in 1/10,000ths)
      p === "gpu" ? { cpuHour: 400, gpuHour: { a100: 60_000 } } : { cpuHour: 400, gpuHour: {} },
  );
  const users: DemoUser[] = [];
  for (const inst of INSTITUTIONS) {
    await center.tenants.create(admin, inst.tenant, {
      username: `${inst.tenant}-admin`,
      password: DEMO_PASSWORD,
    });
    for (const name of inst.people)
      await center.users.create(admin, {
        username: name,
        tenant: inst.tenant,
        password: DEMO_PASSWORD,
        email: `${name}@${inst.tenant}.example`,
      });
    await center.accounts.create(admin, {
      name: inst.account,
      tenant: inst.tenant,
      owner: inst.people[0]!,
    });
    await center.members.add(admin, inst.account, { user: inst.people[1]! });
    await center.ledger.recharge(admin, inst.tenant, { amount: "5000000", reason: "demo" });
    await center.ledger.transfer(admin, inst.account, { amount: "5000000", reason: "demo" });
    for (const name of inst.people)
      users.push({ actor: await actorOf(center, name), account: inst.account, gpu: inst.gpu });
  }
  return users;
}
