import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { IPty } from "node-pty";
import { asAccount } from "../../backends/unix-identity.js";
import type { UnixAccount } from "../../backends/unix-account.js";
import { GuangError, notFound } from "../../core/errors.js";
import type { Actor } from "../access/actor.js";

/** The `shell` config section. */
export const shellConfig = z.strictObject({
  /** A shell nobody has typed in or read from for this long is closed. */
  idleMinutes: z.number().min(1).max(10080).optional(),
  /** How long a shell whose page went away waits to be taken up again (a reload, a dropped link). */
  keepSeconds: z.number().min(0).max(3600).optional(),
  /**
   * Other places a shell may open: a cluster's login node reached by a command run as the user
   * (e.g. ["ssh", "-tt", "login01.hpc"]), named as the portal offers it.
   */
  logins: z
    .array(
      z.strictObject({
        name: z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "a login's name is letters, digits, . _ -"),
        cluster: z.string().optional(),
        command: z.array(z.string().min(1)).min(1, "shell.logins[].command names a program"),
      }),
    )
    .optional(),
});

export type ShellLogin = NonNullable<z.infer<typeof shellConfig>["logins"]>[number];

export interface ShellSettings {
  idleMs: number;
  keepMs: number;
  logins: ShellLogin[];
}

export interface WebShellOptions {
  settings: ShellSettings;
  /** The Unix account the user's work runs as (workAccount); null: the server's own user. */
  accountFor: (actor: Actor) => Promise<UnixAccount | null>;
  /** A token for the `guang` command inside the shell, revoked when the shell ends. */
  issueToken: (actor: Actor) => Promise<{ token: string; revoke: () => Promise<void> }>;
}

/** What the page is told: the shell's output, and its end. */
export type ShellEvent = { type: "output"; data: string } | { type: "exit"; code: number };

interface Shell {
  id: string;
  userId: number;
  unixUser: string;
  pty: IPty;
  /** What was written while no page was there (the last 64 KiB), shown on taking it up. */
  missed: string;
  listener: ((e: ShellEvent) => void) | null;
  lastUse: number;
  keepTimer: NodeJS.Timeout | null;
  revoke: () => Promise<void>;
}

const MISSED_MAX = 64 * 1024;
/** Where the shell's `guang` is (copied beside this file by the build). */
const BIN_DIR = fileURLToPath(new URL("./bin", import.meta.url));
const BASE_PATH = "/usr/local/bin:/usr/bin:/bin";

/** node-pty is optional (a native module built at install): the shell says what to do without it. */
async function loadPty(): Promise<typeof import("node-pty")> {
  try {
    return await import("node-pty");
  } catch {
    throw new GuangError(
      "shell_unavailable",
      503,
      "the web shell needs node-pty, which was not built on this machine: install g++, make and python3, then run npm rebuild node-pty and restart Guang",
    );
  }
}

/**
 * Terminals in the browser: a login shell on this machine as the user's own Unix identity
 * (setpriv drops to their uid, gid and groups when the server is root), with `guang` on its
 * PATH and a token of its own. The page may go and come back (a reload) within keepSeconds;
 * a shell left idle is closed.
 */
export class WebShells {
  private readonly shells = new Map<string, Shell>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly o: WebShellOptions) {
    this.sweeper = setInterval(() => this.sweep(), 30_000);
    this.sweeper.unref();
  }

  /**
   * The shell's command: a login environment (/etc/profile, ~/.profile read by sh -l), then
   * `guang` put first on PATH (a login resets PATH), then the user's own shell, interactive.
   * As root, setpriv first drops to the account's uid, gid and groups.
   */
  private command(
    a: UnixAccount | null,
    login: ShellLogin | null,
  ): {
    file: string;
    args: string[];
    home: string;
    shell: string;
  } {
    const shell = a
      ? a.shell && existsSync(a.shell)
        ? a.shell
        : "/bin/bash"
      : process.env.SHELL || "/bin/bash";
    // a configured login (a cluster's login node) is its command, as the user; else a login shell here
    const run = login
      ? login.command
      : ["/bin/sh", "-lc", 'PATH="$GUANG_BIN:$PATH"; export PATH; exec "$SHELL" -i'];
    // not root: the server's own user, as its jobs (identity.describe() says so at start)
    if (!a) return { file: run[0]!, args: run.slice(1), home: process.env.HOME || "/", shell };
    const [file, ...drop] = asAccount(a);
    return { file: file!, args: [...drop, ...run], home: a.home, shell };
  }

  /** Where a shell may open besides this machine: the configured logins. */
  logins(): { name: string; cluster: string | null }[] {
    return this.o.settings.logins.map((l) => ({ name: l.name, cluster: l.cluster ?? null }));
  }

  /**
   * A new shell for the signed-in user, here or on a configured login (`where`); `server`:
   * this server's address as the shell reaches it.
   */
  async open(
    actor: Actor,
    size: { cols: number; rows: number },
    server: string,
    where?: string,
  ): Promise<string> {
    const login = where === undefined ? null : this.o.settings.logins.find((l) => l.name === where);
    if (login === undefined)
      throw notFound(
        `there is no shell login ${where}; there are: ${this.o.settings.logins.map((l) => l.name).join(", ") || "none (only this machine)"}`,
      );
    const pty = await loadPty();
    const account = await this.o.accountFor(actor);
    const { file, args, home, shell } = this.command(account, login);
    const { token, revoke } = await this.o.issueToken(actor);
    const name = account?.name ?? actor.username;
    const p = pty.spawn(file, args, {
      name: "xterm-256color",
      cols: size.cols,
      rows: size.rows,
      cwd: existsSync(home) ? home : "/",
      env: {
        HOME: home,
        USER: name,
        LOGNAME: name,
        SHELL: shell,
        PATH: BASE_PATH,
        GUANG_BIN: BIN_DIR,
        TERM: "xterm-256color",
        LANG: "C.UTF-8",
        GUANG_SERVER: server,
        GUANG_TOKEN: token,
        GUANG_NODE: process.execPath,
      },
    });
    const s: Shell = {
      id: randomUUID(),
      userId: actor.userId,
      unixUser: name,
      pty: p,
      missed: "",
      listener: null,
      lastUse: Date.now(),
      keepTimer: null,
      revoke,
    };
    p.onData((data) => {
      s.lastUse = Date.now();
      if (s.listener) s.listener({ type: "output", data });
      else s.missed = (s.missed + data).slice(-MISSED_MAX);
    });
    p.onExit(({ exitCode }) => {
      s.listener?.({ type: "exit", code: exitCode });
      this.end(s);
    });
    this.shells.set(s.id, s);
    return s.id;
  }

  /** Takes up a shell of this user's (a new page, or the same after a reload). */
  attach(actor: Actor, id: string, listener: (e: ShellEvent) => void): { unixUser: string } {
    const s = this.shells.get(id);
    // another user's shell reads as one that does not exist
    if (!s || s.userId !== actor.userId) throw notFound(`you have no shell ${id}`);
    if (s.keepTimer) clearTimeout(s.keepTimer);
    s.keepTimer = null;
    s.listener = listener;
    if (s.missed) listener({ type: "output", data: s.missed });
    s.missed = "";
    return { unixUser: s.unixUser };
  }

  input(id: string, data: string): void {
    const s = this.shells.get(id);
    if (!s) return;
    s.lastUse = Date.now();
    s.pty.write(data);
  }

  resize(id: string, cols: number, rows: number): void {
    this.shells.get(id)?.pty.resize(cols, rows);
  }

  /** The page went away: the shell waits keepSeconds to be taken up again. */
  detach(id: string): void {
    const s = this.shells.get(id);
    if (!s) return;
    s.listener = null;
    s.keepTimer = setTimeout(() => this.close(s), this.o.settings.keepMs);
    s.keepTimer.unref();
  }

  private close(s: Shell): void {
    s.pty.kill("SIGHUP");
    this.end(s);
  }

  private end(s: Shell): void {
    if (!this.shells.delete(s.id)) return;
    if (s.keepTimer) clearTimeout(s.keepTimer);
    void s.revoke().catch(() => undefined);
  }

  private sweep(): void {
    const now = Date.now();
    for (const s of this.shells.values()) {
      if (now - s.lastUse > this.o.settings.idleMs) {
        s.listener?.({ type: "output", data: "\r\n[closed: idle too long]\r\n" });
        this.close(s);
      }
    }
  }

  stop(): void {
    clearInterval(this.sweeper);
    for (const s of [...this.shells.values()]) this.close(s);
  }
}
