import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";

type Attachment = NonNullable<SendMailOptions["attachments"]>[number];
import { formatSlurmDuration } from "../../core/duration.js";
import { formatMoney, money } from "../../core/money.js";
import type { Db } from "../../store/open.js";
import { userEmail, userJobMail } from "../../store/users.js";
import { jobCostUnits } from "../../store/jobs.js";
import { accountMoneyContacts } from "../../store/accounts.js";
import type { MoneyEvent } from "../money/postings.js";
import type { GrantExpiry } from "../money/grants.js";
import { render, type TemplateName } from "../formats/mail-templates.js";
import { z } from "zod";
import { logBackgroundError } from "../../core/background-log.js";

/** The `notifications` config section. */
export const notificationsConfig = z.strictObject({
  smtp: z.strictObject({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).optional(),
    /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean().optional(),
    user: z.string().optional(),
    password: z.string().optional(),
    from: z.string().min(3),
  }),
  /** The language of the messages: zh or en. */
  language: z.enum(["zh", "en"]).optional(),
});
export type NotificationsConfig = z.output<typeof notificationsConfig>;

/** What a job's end or start mail needs. */
export interface JobMail {
  jobId: string;
  name: string;
  account: string;
  userId: number;
  /** --mail-type, as sbatch takes it (BEGIN, END, FAIL, ALL, NONE). */
  types: string[];
  /** --mail-user, else the user's e-mail. */
  to: string | null;
}

/**
 * E-mail to people (SMTP, as the config names it): a job's start and end when the job asked
 * (--mail-type), and an account's block, unblock and low money to its owners and its
 * tenant's finance. Mail goes out after the change is committed, in the background; a
 * failure is logged and never holds up a job or a payment.
 */
export class Notifier {
  private readonly transport: Transporter | null;
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly cfg: NotificationsConfig | null,
    private readonly currency: string,
  ) {
    const smtp = cfg?.smtp;
    this.transport = smtp
      ? nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port ?? (smtp.secure ? 465 : 587),
          secure: smtp.secure ?? false,
          ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? "" } } : {}),
        })
      : null;
  }

  private send(
    to: string[],
    template: TemplateName,
    vars: Record<string, string | number>,
    extra: { lang?: "zh" | "en"; attachments?: Attachment[] } = {},
  ): void {
    if (!this.transport || to.length === 0) return;
    const { subject, text } = render(template, extra.lang ?? this.language, vars);
    const p: Promise<void> = this.transport
      .sendMail({
        from: this.cfg!.smtp.from,
        to: [...new Set(to)].join(", "),
        subject,
        text,
        ...(extra.attachments ? { attachments: extra.attachments } : {}),
      })
      .then(
        () => undefined,
        (e: unknown) => {
          logBackgroundError(`could not send "${subject}": ${(e as Error).message}`, {
            to,
          });
        },
      )
      .finally(() => {
        this.sending.delete(p);
      });
    this.sending.add(p);
  }

  /** Whether mail can go out at all (an SMTP server is configured). */
  get configured(): boolean {
    return this.transport !== null;
  }

  /** The language of the center's mail (the config's, Chinese by default). */
  get language(): "zh" | "en" {
    return this.cfg?.language ?? "zh";
  }

  /** A month's statement to the people who pay, its page and table attached. */
  statement(
    to: string[],
    lang: "zh" | "en",
    vars: { of: string; name: string; month: string; closing: string },
    files: { html: string; csv: string },
  ): void {
    const base = `statement-${vars.name}-${vars.month}`;
    this.send(to, "statement", vars, {
      lang,
      attachments: [
        { filename: `${base}.html`, content: files.html, contentType: "text/html; charset=utf-8" },
        { filename: `${base}.csv`, content: files.csv, contentType: "text/csv; charset=utf-8" },
      ],
    });
  }

  /** An application come in (or changed): to its tenant's admins. */
  applicationNew(
    to: string[],
    a: { kind: "account" | "extend" | "limits"; applicant: string; title: string; number: string },
  ): void {
    const zh = this.language === "zh";
    const what = {
      account: zh ? "新账户" : "a new account",
      extend: zh ? "增加机时" : "more hours",
      limits: zh ? "提高限制" : "higher limits",
    }[a.kind];
    this.send(to, "application-new", {
      applicant: a.applicant,
      what,
      title: a.title,
      number: a.number,
    });
  }

  /** An application decided: to its applicant, with the decider's note. */
  applicationDecided(
    to: string[],
    a: {
      state: string;
      title: string;
      number: string;
      decidedBy: string | null;
      note: string | null;
    },
  ): void {
    const words: Record<string, [string, string]> = {
      approved: ["approved", "已批准"],
      rejected: ["rejected", "已驳回"],
      changes: ["sent back for changes", "需修改"],
    };
    const state = words[a.state];
    if (!state) return;
    this.send(to, "application-decided", {
      title: a.title,
      number: a.number,
      state: state[this.language === "zh" ? 1 : 0],
      by: a.decidedBy ?? "",
      note: a.note ?? "",
    });
  }

  private async emailOf(userId: number): Promise<string | null> {
    return userEmail(this.db, userId);
  }

  /** The job's --mail-type; where it named none, the mails its user chose for such jobs. */
  private async mailTypes(j: JobMail): Promise<string[]> {
    return j.types.length ? j.types : userJobMail(this.db, j.userId);
  }

  async jobBegan(j: JobMail, node: string, at: Date): Promise<void> {
    if (!this.transport) return;
    if (!(await this.mailTypes(j)).some((t) => t === "BEGIN" || t === "ALL")) return;
    const to = j.to ?? (await this.emailOf(j.userId));
    if (to)
      this.send([to], "job-begin", {
        job: j.jobId,
        name: j.name,
        account: j.account,
        node,
        time: at.toISOString(),
      });
  }

  async jobEnded(
    j: JobMail,
    o: {
      id: number;
      state: string;
      exitCode: number | null;
      signal: number | null;
      elapsedSeconds: number;
      at: Date;
    },
  ): Promise<void> {
    if (!this.transport) return;
    const wants = (await this.mailTypes(j)).some(
      (t) => t === "END" || t === "ALL" || (t === "FAIL" && o.state !== "COMPLETED"),
    );
    if (!wants) return;
    const to = j.to ?? (await this.emailOf(j.userId));
    if (!to) return;
    const costUnits = await jobCostUnits(this.db, o.id);
    this.send([to], "job-end", {
      job: j.jobId,
      name: j.name,
      account: j.account,
      state: o.state,
      exit: `${o.exitCode ?? 0}:${o.signal ?? 0}`,
      elapsed: formatSlurmDuration(o.elapsedSeconds),
      cost: costUnits === null ? "-" : `${formatMoney(money(costUnits))} ${this.currency}`,
      time: o.at.toISOString(),
    });
  }

  /** An account's block, unblock or low money: its owners and its tenant's finance (tenant admins without finance). */
  async money(events: MoneyEvent[]): Promise<void> {
    if (!this.transport) return;
    for (const e of events) {
      const to = await this.accountPeople(e.accountId);
      if (to)
        this.send(to.emails, e.kind, {
          account: to.name,
          available: `${formatMoney(e.available)} ${this.currency}`,
          level: `${formatMoney(e.level)} ${this.currency}`,
        });
    }
  }

  /** Grants that ended: the account's owners and its tenant's finance. */
  async grantsExpired(expiries: GrantExpiry[]): Promise<void> {
    if (!this.transport) return;
    const zh = (this.cfg?.language ?? "zh") === "zh";
    for (const e of expiries) {
      const to = await this.accountPeople(e.accountId);
      if (!to) continue;
      this.send(to.emails, "grant-expired", {
        account: to.name,
        resource: e.resource === "cpu" ? (zh ? "CPU 核时" : "core-") : zh ? "GPU 卡时" : "GPU-",
        left: e.leftHours,
        ends: e.endsAt,
      });
    }
  }

  /** A home or project folder past its soft quota: its user, or the account's people (once). */
  async storageOverSoft(
    kind: "user" | "account",
    subjectId: number,
    s: { name: string; path: string; used: string; soft: string; hard: string },
  ): Promise<void> {
    if (!this.transport) return;
    const zh = (this.cfg?.language ?? "zh") === "zh";
    const to =
      kind === "user"
        ? [await this.emailOf(subjectId)].filter((e): e is string => !!e)
        : ((await this.accountPeople(subjectId))?.emails ?? []);
    const what =
      kind === "user"
        ? zh
          ? `用户 ${s.name} 的主目录`
          : `the home of ${s.name}`
        : zh
          ? `账户 ${s.name} 的项目目录`
          : `the project folder of account ${s.name}`;
    this.send(to, "storage-soft", { what, path: s.path, used: s.used, soft: s.soft, hard: s.hard });
  }

  /** An account's owners' and its tenant's finance's e-mail addresses, and its name. */
  private async accountPeople(
    accountId: number,
  ): Promise<{ name: string; emails: string[] } | null> {
    return accountMoneyContacts(this.db, accountId);
  }

  /** Waits for the mail under way (at shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.sending]);
  }
}
