import { EventEmitter } from "node:events";
import { insertJobEvent, jobEventsAfter } from "../../store/job-events.js";
import type { Db } from "../../store/open.js";
import { jobIdText } from "./job-view.js";

/** A job changed state (or waits for another reason); what SSE clients receive. */
export interface JobEvent {
  type: "job";
  /** Its place in the store's order of events (SSE's id; 0 before it is stored). */
  eventId: number;
  id: number;
  jobId: string;
  userId: number;
  user: string;
  state: string;
  reason: string | null;
  exitCode: number | null;
  signal: number | null;
  time: string;
}

/** The event of a job's state change. */
export function jobEvent(
  row: { id: number; array_job_id: number | null; array_task_id: number | null; user_id: number },
  user: string,
  state: string,
  reason: string | null,
  exitCode: number | null,
  signal: number | null,
): JobEvent {
  return {
    type: "job",
    eventId: 0,
    id: row.id,
    jobId: jobIdText(row),
    userId: row.user_id,
    user,
    state,
    reason,
    exitCode,
    signal,
    time: new Date().toISOString(),
  };
}

/** In-process publish/subscribe of job events (one server process owns a local cluster). */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(e: JobEvent): void {
    this.emitter.emit("event", e);
  }

  subscribe(fn: (e: JobEvent) => void): () => void {
    this.emitter.on("event", fn);
    return () => this.emitter.off("event", fn);
  }
}

/** Stores an event in the caller's transaction, and returns it with its id, to publish once that commits. */
export async function storeEvent(db: Db, e: JobEvent): Promise<JobEvent> {
  const { eventId: _unset, ...body } = e;
  const eventId = await insertJobEvent(db, {
    jobId: e.id,
    userId: e.userId,
    body: JSON.stringify(body),
    at: e.time,
  });
  return { ...e, eventId };
}

/** The events after `afterId` that a watcher sees (null: everyone's), oldest first. */
export async function eventsAfter(
  db: Db,
  afterId: number,
  userId: number | null,
  limit: number,
): Promise<JobEvent[]> {
  const rows = await jobEventsAfter(db, afterId, userId, limit);
  return rows.map((r) => ({ ...(JSON.parse(r.body) as Omit<JobEvent, "eventId">), eventId: r.id }));
}
