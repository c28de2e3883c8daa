import type { Db } from "./open.js";

/** A job in a settlement statement between two centers. */
export interface SettledJobRow {
  id: number;
  external_id: string | null;
  cluster: string;
  end_time: string | null;
  cost_units: number | null;
  peer_charge_units: number | null;
}

/** Jobs that ended in [from, to), in the order they ended. */
function endedIn(db: Db, from: string, to: string) {
  return db
    .selectFrom("jobs")
    .select(["id", "external_id", "cluster", "end_time", "cost_units", "peer_charge_units"])
    .where("end_time", ">=", from)
    .where("end_time", "<", to)
    .orderBy("end_time")
    .orderBy("id");
}

/** Jobs a peer ran for us (on the clusters named), ended in [from, to). */
export async function jobsRunByPeer(
  db: Db,
  clusters: string[],
  from: string,
  to: string,
): Promise<SettledJobRow[]> {
  if (clusters.length === 0) return [];
  return endedIn(db, from, to)
    .where("cluster", "in", clusters)
    .where("peer_charge_units", "is not", null)
    .execute();
}

/** Jobs we ran for a peer (those of the user its calls act as), charged, ended in [from, to). */
export function jobsRunForPeer(
  db: Db,
  userId: number,
  from: string,
  to: string,
): Promise<SettledJobRow[]> {
  return endedIn(db, from, to)
    .where("user_id", "=", userId)
    .where("cost_units", "is not", null)
    .execute();
}
