import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { isSameProcess, processStartTime } from "../backends/local/proc-table.js";
import { GuangError } from "../core/errors.js";

interface LockRecord {
  pid: number;
  /** The kernel's start time of that pid: a pid reused by another process does not hold the lock. */
  start: string;
  address: string | null;
  since: string;
}

/**
 * One server per home: two would both schedule the machine's cores, and the one that stops
 * would take the shared run folder with it. The lock is a file created exclusively at start,
 * naming the server; one whose process is gone (kill -9, a reboot) is taken over.
 */
export class HomeLock {
  private readonly file: string;
  private record: LockRecord;

  private constructor(home: string) {
    this.file = join(home, "serve.lock");
    this.record = {
      pid: process.pid,
      start: processStartTime(process.pid) ?? "",
      address: null,
      since: new Date().toISOString(),
    };
  }

  static take(home: string): HomeLock {
    const lock = new HomeLock(home);
    for (let tries = 0; tries < 2; tries++) {
      try {
        const fd = openSync(lock.file, "wx", 0o600);
        writeSync(fd, JSON.stringify(lock.record));
        closeSync(fd);
        return lock;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      const held = lock.read();
      if (held && held.pid !== process.pid && isSameProcess(held.pid, held.start)) {
        throw new GuangError(
          "home_in_use",
          409,
          `another guang serve (pid ${held.pid}${held.address ? `, ${held.address}` : ""}, since ${held.since}) uses the home ${home}; stop it first, or give this one another --home`,
        );
      }
      // the server that held it is gone: its lock goes too
      rmSync(lock.file, { force: true });
    }
    throw new GuangError(
      "home_in_use",
      409,
      `cannot take the lock ${lock.file}; another server is starting on the home ${home}`,
    );
  }

  private read(): LockRecord | null {
    try {
      return JSON.parse(readFileSync(this.file, "utf8")) as LockRecord;
    } catch {
      return null;
    }
  }

  /** Where the server listens, for the message a second one gets. */
  setAddress(address: string): void {
    this.record = { ...this.record, address };
    writeFileSync(this.file, JSON.stringify(this.record), { mode: 0o600 });
  }

  release(): void {
    if (this.read()?.pid === process.pid) rmSync(this.file, { force: true });
  }
}
