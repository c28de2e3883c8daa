import type { Insertable, Selectable } from "kysely";
import type { Db } from "./open.js";
import type { Database } from "./schema.js";

export type QosRow = Selectable<Database["qos"]>;

export async function listQos(db: Db): Promise<QosRow[]> {
  return db.selectFrom("qos").selectAll().orderBy("priority", "desc").orderBy("name").execute();
}

export async function findQos(db: Db, name: string): Promise<QosRow | undefined> {
  return db.selectFrom("qos").selectAll().where("name", "=", name).executeTakeFirst();
}

/** Creates a QoS or changes the fields given. */
export async function saveQos(
  db: Db,
  row: Partial<Insertable<Database["qos"]>> & {
    name: string;
    created_at: string;
    updated_at: string;
  },
): Promise<void> {
  const { name, created_at: _created, ...change } = row;
  const found = await findQos(db, name);
  if (found) await db.updateTable("qos").set(change).where("name", "=", name).execute();
  else
    await db
      .insertInto("qos")
      .values({ priority: 0, price_factor: "1", ...row })
      .execute();
}

/** A user's jobs waiting or running under a QoS (its per-user job limit counts them). */
export async function activeJobsInQos(db: Db, userId: number, qos: string): Promise<number> {
  const r = await db
    .selectFrom("jobs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("qos", "=", qos)
    .where("state", "in", ["PENDING", "RUNNING"])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A QoS's price factor ("1" when it has none or does not exist). */
export async function priceFactorOf(db: Db, qos: string): Promise<number> {
  const r = await db
    .selectFrom("qos")
    .select("price_factor")
    .where("name", "=", qos)
    .executeTakeFirst();
  return r ? Number(r.price_factor) : 1;
}
