import type { Db } from "../../store/open.js";
import { findUserById, updateUser, userJobMail } from "../../store/users.js";
import { audited } from "../access/audit.js";
import type { Actor } from "../access/actor.js";

/** The job mails a person may choose for jobs that name none (sbatch's --mail-type words). */
export const JOB_MAILS = ["BEGIN", "END", "FAIL"] as const;
export type JobMailKind = (typeof JOB_MAILS)[number];

export interface Profile {
  user: string;
  email: string | null;
  jobMail: JobMailKind[];
  source: string;
}

/**
 * What a person changes about themselves: the e-mail address mail goes to, and which job
 * mails they get when a job names none. Roles, POSIX identity and the rest are their
 * administrators' (users.update).
 */
export class ProfileService {
  constructor(private readonly db: Db) {}

  async get(actor: Actor): Promise<Profile> {
    const u = (await findUserById(this.db, actor.userId))!;
    return {
      user: u.username,
      email: u.email,
      jobMail: (await userJobMail(this.db, actor.userId)) as JobMailKind[],
      source: u.source,
    };
  }

  async update(
    actor: Actor,
    patch: { email?: string | null; jobMail?: JobMailKind[] },
  ): Promise<Profile> {
    await audited(
      this.db,
      actor,
      { action: "profile.update", target: `user ${actor.username}`, details: { ...patch } },
      async (trx) => {
        const mail = patch.jobMail && [...new Set(patch.jobMail)];
        const set = {
          ...(patch.email !== undefined ? { email: patch.email } : {}),
          ...(mail ? { job_mail: mail.length ? JSON.stringify(mail) : null } : {}),
        };
        if (Object.keys(set).length) await updateUser(trx, actor.userId, set);
      },
    );
    return this.get(actor);
  }
}
