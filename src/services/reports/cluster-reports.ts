import type { DesiredAccount, ExternalHooks, ForeignJob } from "../../backends/backend.js";
import { findAccount } from "../../store/accounts.js";
import { accountingCursor, saveAccountingCursor } from "../../store/clusters.js";
import { insertJob, jobByExternalId } from "../../store/jobs.js";
import { nowIso, type Db } from "../../store/open.js";
import { findPosixHolder } from "../../store/users.js";
import type { AccountRules } from "../tenancy/account-rules.js";
import { auditSystem } from "../access/audit.js";
import type { Billing } from "../money/billing.js";
import type { MoneyEvent } from "../money/postings.js";
import { jobEvent, storeEvent, type EventBus } from "../jobs/events.js";
import { JobReports } from "./job-reports.js";
import type { Notifier } from "../notify/notifier.js";
import { logBackgroundWarning } from "../../core/background-log.js";

/**
 * What backends of outside schedulers (Slurm) report beyond a job's life: jobs submitted
 * straight to the cluster, recorded and charged like Guang's own; where reading their
 * accounting got to; and drift between the cluster and Guang, put in the audit log.
 */
export class ClusterReports extends JobReports implements ExternalHooks {
  constructor(
    db: Db,
    events: EventBus,
    billing: Billing,
    moneyChanged: (events: MoneyEvent[]) => void,
    notifier: Notifier,
    private readonly rules: AccountRules,
  ) {
    super(db, events, billing, moneyChanged, notifier);
  }

  async foreign(j: ForeignJob): Promise<{ recorded: boolean; why: string | null }> {
    const known = await jobByExternalId(this.db, j.cluster, j.externalId);
    if (known) return { recorded: false, why: null };
    const account = await findAccount(this.db, j.account);
    // the cluster may serve accounts that are not Guang's (root's, others'): those are not ours to charge
    if (!account) return { recorded: false, why: null };
    const user = await findPosixHolder(this.db, null, j.user);
    if (!user || user.tenant_id !== account.tenant_id) {
      return {
        recorded: false,
        why: `Slurm user ${j.user} is not the Unix name of a user of account ${account.name}'s tenant; give the user that Unix name (guang admin user set NAME --unix-name ${j.user})`,
      };
    }
    const submit = nowIso(j.submitMs);
    const { event, events } = await this.db.transaction().execute(async (trx) => {
      const id = await insertJob(trx, {
        cluster: j.cluster,
        partition: j.partition,
        account_id: account.id,
        user_id: user.id,
        name: j.name,
        qos: j.qos || "normal",
        state: j.state,
        reason: j.reason,
        held: null,
        array_job_id: null,
        array_task_id: null,
        array_throttle: 0,
        script: "",
        options: JSON.stringify({ request: {} }),
        time_limit: j.timeLimit,
        workdir: "",
        stdout_path: "",
        stderr_path: "",
        environment: "{}",
        submit_time: submit,
        begin_time: null,
        start_time: j.startMs === null ? null : nowIso(j.startMs),
        end_time: nowIso(j.endMs),
        exit_code: j.exitCode,
        signal: j.signal,
        cpu_seconds: j.cpuSeconds,
        alloc: j.alloc ? JSON.stringify(j.alloc) : null,
        hold_units: 0,
        tenant_id: account.tenant_id,
        external_id: j.externalId,
        origin: "foreign",
      });
      const event = await storeEvent(
        trx,
        jobEvent(
          { id, array_job_id: null, array_task_id: null, user_id: user.id },
          user.username,
          j.state,
          j.reason,
          j.exitCode,
          j.signal,
        ),
      );
      return { id, event, events: await this.billing.settle(trx, id) };
    });
    this.events.publish(event);
    if (events.length) this.moneyChanged(events);
    return { recorded: true, why: null };
  }

  cursor(cluster: string): Promise<number | null> {
    return accountingCursor(this.db, cluster);
  }

  saveCursor(cluster: string, ms: number): Promise<void> {
    return saveAccountingCursor(this.db, cluster, ms);
  }

  desiredAccounts(): DesiredAccount[] {
    return this.rules.desiredAccounts();
  }

  async drift(cluster: string, found: string[]): Promise<void> {
    logBackgroundWarning(`cluster ${cluster}: put right what differed from Guang`, {
      cluster,
      drift: found,
    });
    await auditSystem(
      this.db,
      { action: "cluster.drift", target: `cluster ${cluster}`, tenantId: null, details: { found } },
      "drift",
    );
  }
}
