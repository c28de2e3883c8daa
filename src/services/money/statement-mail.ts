import { accountMoneyContacts } from "../../store/accounts.js";
import type { Db } from "../../store/open.js";
import { tenantStaffEmails } from "../../store/users.js";
import { conflict, type Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { statementCsv, statementHtml } from "../formats/statement-format.js";
import type { Notifier } from "../notify/notifier.js";
import { accountNamed, tenantNamed } from "../tenancy/tenancy-lookup.js";
import type { StatementService } from "./statements.js";

/**
 * A month's statement sent to the people who pay: a tenant's to its admins and finance, an
 * account's to its owners and its tenant's finance (the same people who hear of its money).
 * The page and the table go as attachments, exactly as the API serves them.
 */
export class StatementMail {
  constructor(
    private readonly db: Db,
    private readonly statements: StatementService,
    private readonly notifier: Notifier,
  ) {}

  async send(
    actor: Actor,
    q: { tenant?: string; account?: string; month: string; lang?: "zh" | "en" },
  ): Promise<{ sentTo: string[] }> {
    const s = await this.statements.monthly(actor, q);
    const target = `${s.of} ${s.name}`;
    return audited(
      this.db,
      actor,
      { action: "statement.send", target, details: { month: s.month } },
      async (trx, e) => {
        let to: string[];
        if (s.of === "account") {
          const a = await accountNamed(trx, actor, s.name, "statement.send");
          e.tenantId = a.tenant_id;
          to = (await accountMoneyContacts(trx, a.id))?.emails ?? [];
        } else {
          const t = await tenantNamed(trx, actor, s.name, "statement.send");
          e.tenantId = t.id;
          to = await tenantStaffEmails(trx, t.id, ["tenant-admin", "tenant-finance"]);
        }
        if (!this.notifier.configured)
          throw conflict(
            "the center sends no e-mail: set notifications.smtp in the config, or download the statement and send it yourself",
          );
        to = [...new Set(to)];
        if (to.length === 0)
          throw conflict(
            `nobody to send the statement of ${target} to: its ${s.of === "account" ? "owners and tenant finance" : "admins and finance"} have no e-mail address; set one on their user`,
          );
        const lang = q.lang ?? this.notifier.language;
        const zh = lang === "zh";
        this.notifier.statement(
          to,
          lang,
          {
            of: s.of === "account" ? (zh ? "账户" : "account") : zh ? "租户" : "tenant",
            name: s.name,
            month: s.month,
            closing: `${s.closing} ${s.currency}`,
          },
          { html: statementHtml(s, lang), csv: statementCsv(s) },
        );
        e.details = { month: s.month, to };
        return { sentTo: to };
      },
    );
  }
}
