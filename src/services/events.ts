import { EventEmitter } from "node:events";
import { jobIdText } from "./job-view.js";

/** A job changed state (or waits for another reason); what SSE clients receive. */
export interface JobEvent {
  type: "job";
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
  return { type: "job", id: row.id, jobId: jobIdText(row), userId: row.user_id, user, state, reason, exitCode, signal, time: new Date().toISOString() };
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
