import { invalidInput, notFound } from "../../core/errors.js";
import { formatMoney, money } from "../../core/money.js";
import type { Db } from "../../store/open.js";
import { jobsRunByPeer, jobsRunForPeer, type SettledJobRow } from "../../store/peer-jobs.js";
import { findUserByName } from "../../store/users.js";
import type { PeerLink } from "../../backends/peer/peer-link.js";
import { forbidden, isCenterStaff, type Actor } from "../access/actor.js";

/** One job of a statement: the id it has at the center that ran it, and its amount. */
interface StatementLine {
  /** The id at the center that ran it (the one both sides know). */
  ranAs: string;
  cluster: string;
  endTime: string;
  amount: string;
  /** Ours for it, on the side that sent it (null on the side that ran it). */
  job: number | null;
}

export interface Statement {
  center: string;
  peer: string;
  month: string;
  currency: string;
  /** Jobs the peer ran for us: what it charged us. */
  theyRan: { lines: StatementLine[]; total: string };
  /** Jobs we ran for the peer: what we charged it. */
  weRan: { lines: StatementLine[]; total: string };
}

export interface PeerSide {
  name: string;
  /** Our user its calls act as (null: it does not send us work). */
  user: string | null;
  /** Our names for its clusters. */
  clusters: string[];
  link: PeerLink;
}

function monthRange(month: string): { from: string; to: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw invalidInput(`month ${month} is not a month: write it as YYYY-MM, e.g. 2026-12`);
  const from = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  const to = new Date(Date.UTC(Number(m[1]), Number(m[2]), 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

function side(rows: SettledJobRow[], ours: boolean, units: (r: SettledJobRow) => number) {
  const lines = rows.map((r) => ({
    ranAs: ours ? String(r.id) : (r.external_id ?? "?"),
    cluster: r.cluster,
    endTime: r.end_time!,
    amount: formatMoney(money(units(r))),
    job: ours ? null : r.id,
  }));
  const total = rows.reduce((t, r) => t + units(r), 0);
  return { lines, total: formatMoney(money(total)) };
}

/**
 * Monthly statements between this center and a peer, both ways, line by line: each job
 * the peer ran for us with what it charged, and each job we ran for it with what we
 * charged. Each side writes its own from its own records; the two agree when every line
 * and total of one's "theyRan" is the other's "weRan".
 */
export class Settlement {
  constructor(
    private readonly db: Db,
    private readonly center: string,
    private readonly currency: string,
    private readonly peers: Map<string, PeerSide>,
  ) {}

  async statement(actor: Actor, peerName: string, month: string): Promise<Statement> {
    const peer = this.peers.get(peerName);
    if (!peer) throw notFound(`center ${peerName} is not a peer of this center`);
    // the center's staff, or the peer itself (its user here), about itself only
    if (!isCenterStaff(actor) && !(peer.user !== null && actor.credential === `peer:${peer.user}`))
      throw forbidden(`only this center's staff and center ${peerName} itself see its statement`);
    const { from, to } = monthRange(month);
    const user = peer.user ? await findUserByName(this.db, peer.user) : undefined;
    const theyRan = await jobsRunByPeer(this.db, peer.clusters, from, to);
    const weRan = user ? await jobsRunForPeer(this.db, user.id, from, to) : [];
    return {
      center: this.center,
      peer: peerName,
      month,
      currency: this.currency,
      theyRan: side(theyRan, false, (r) => Number(r.peer_charge_units)),
      weRan: side(weRan, true, (r) => Number(r.cost_units)),
    };
  }

  /** Ours beside the peer's own (asked of it): each line and total that differs, in words. */
  async check(
    actor: Actor,
    peerName: string,
    month: string,
  ): Promise<{ agree: boolean; differences: string[]; ours: Statement; theirs: Statement }> {
    const ours = await this.statement(actor, peerName, month);
    const peer = this.peers.get(peerName)!;
    const theirs = await peer.link.json<Statement>(
      "GET",
      `/api/v1/network/statements/${this.center}?month=${month}`,
    );
    const differences = [
      ...compare(`jobs ${peerName} ran for us`, ours.theyRan, theirs.weRan),
      ...compare(`jobs we ran for ${peerName}`, ours.weRan, theirs.theyRan),
    ];
    return { agree: differences.length === 0, differences, ours, theirs };
  }
}

function compare(what: string, ours: Statement["weRan"], theirs: Statement["weRan"]): string[] {
  const out: string[] = [];
  const theirsBy = new Map(theirs.lines.map((l) => [l.ranAs, l]));
  for (const l of ours.lines) {
    const t = theirsBy.get(l.ranAs);
    if (!t) out.push(`${what}: job ${l.ranAs} is in our statement only (${l.amount})`);
    else if (t.amount !== l.amount)
      out.push(`${what}: job ${l.ranAs}: we say ${l.amount}, they say ${t.amount}`);
    theirsBy.delete(l.ranAs);
  }
  for (const t of theirsBy.values())
    out.push(`${what}: job ${t.ranAs} is in their statement only (${t.amount})`);
  if (ours.total !== theirs.total)
    out.push(`${what}: the totals differ: we say ${ours.total}, they say ${theirs.total}`);
  return out;
}
