import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { nowIso, type Store } from "../store/open.js";
import { insertPrice } from "../store/prices.js";
import { addMember, createAccount } from "../store/accounts.js";
import { createTenant } from "../store/tenants.js";
import { countUsers, createUser, updateUser } from "../store/users.js";
import {
  hashPassword,
  randomPassword,
  usePasswordHashCost,
} from "../services/identity/passwords.js";

/** A partition's rates as stored: whole 1/10,000ths of the currency a core-hour and a GPU-hour by type. */
export interface SeedRates {
  cpuHour: number;
  gpuHour: Record<string, number>;
}

/** Prices of every partition of a cluster from a time on (free unless rates are given), before any job is priced. */
export async function seedFreePrices(
  store: Store,
  cluster: { name: string; partitions: { name: string }[] },
  fromMs = Date.now(),
  rates: (partition: string) => SeedRates = () => ({ cpuHour: 0, gpuHour: {} }),
): Promise<void> {
  const now = nowIso(fromMs);
  for (const p of cluster.partitions) {
    const free = JSON.stringify({ ...rates(p.name), memGiBHour: 0, mode: "sum", minCharge: 0 });
    await insertPrice(store.db, {
      cluster: cluster.name,
      partition: p.name,
      qos: "*",
      tenant_id: null,
      rates: free,
      effective_from: now,
      created_by: null,
      created_at: now,
    });
  }
}

/** First start: the center admin, the default tenant and account. */
export async function bootstrap(
  store: Store,
  home: string,
  auth: { forcePasswordChange: boolean; passwordHashCost: number },
): Promise<string | null> {
  // every start: the hashes this process makes (the first admin's among them) use the center's cost
  usePasswordHashCost(auth.passwordHashCost);
  const forceChange = auth.forcePasswordChange;
  if ((await countUsers(store.db)) > 0) return null;
  const password = randomPassword();
  const hash = await hashPassword(password);
  await store.db.transaction().execute(async (trx) => {
    const tenant = await createTenant(trx, "default");
    const account = await createAccount(trx, tenant, "default");
    const admin = await createUser(trx, {
      tenantId: tenant,
      username: "admin",
      passwordHash: hash,
      // both center roles, so that one person can set up a center alone (prices and money
      // included); the printed note says how to hand finance to someone else
      roles: ["center-admin", "center-finance"],
    });
    // a password that was printed and kept in a file is changed at the first sign-in
    if (forceChange) await updateUser(trx, admin, { must_change_password: 1 });
    await addMember(trx, account, admin, "owner");
  });
  writeFileSync(join(home, "initial-admin-password"), `${password}\n`, { mode: 0o600 });
  return password;
}
