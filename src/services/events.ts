import { EventEmitter } from "node:events";

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
