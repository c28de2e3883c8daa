/** One cluster considered for a job: when it would start there and at what price, or why not there. */
export interface PlacementOption {
  cluster: string;
  partition: string | null;
  /** The predicted start (ISO 8601); null: the cluster cannot tell, or not within its plan. */
  startsAt: string | null;
  /** What an hour of the job costs there. */
  perHour: string | null;
  /** Why the job cannot go there; null: it can. */
  refused: string | null;
}

/** Where a job asked to choose (-M a,b or -M any) went, and why: kept with the job. */
export interface Placement {
  asked: string[] | "any";
  chosen: string;
  why: string;
  considered: PlacementOption[];
  /** Moves while it waited, to a cluster where it would start much sooner (oldest first). */
  moved?: { from: string; to: string; at: string; why: string }[];
}
