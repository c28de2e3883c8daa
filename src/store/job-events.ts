import type { Db } from "./open.js";

/** Appends an event of a job; its id orders all events. */
export async function insertJobEvent(
  db: Db,
  e: { jobId: number; userId: number; body: string; at: string },
): Promise<number> {
  const r = await db
    .insertInto("job_events")
    .values({ job_id: e.jobId, user_id: e.userId, body: e.body, at: e.at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Events after `afterId`, oldest first: every user's (null) or one user's. */
export async function jobEventsAfter(
  db: Db,
  afterId: number,
  userId: number | null,
  limit: number,
): Promise<{ id: number; body: string }[]> {
  let q = db.selectFrom("job_events").select(["id", "body"]).where("id", ">", afterId);
  if (userId !== null) q = q.where("user_id", "=", userId);
  return q.orderBy("id").limit(limit).execute();
}
