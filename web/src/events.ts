import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { components } from "../../src/client/api-types";

type Job = components["schemas"]["JobView"];
type JobList = { jobs: Job[]; more: boolean };

/** A job's change as the events stream sends it. */
interface JobEvent {
  type: "job";
  id: number;
  state: string;
  reason: string | null;
  exitCode: number | null;
}

/**
 * Keeps the jobs on screen live from the server's events stream (SSE): a change is put into
 * the lists and the job page already loaded, and the job is asked for again for the rest of
 * what changed (times, allocation, cost). No polling; the browser reconnects by itself,
 * resuming after the last event it saw.
 */
function apply(queries: QueryClient, e: JobEvent): void {
  for (const [key, list] of queries.getQueriesData<JobList>({ queryKey: ["jobs"] })) {
    if (!list) continue;
    const at = list.jobs.findIndex((j) => j.id === e.id);
    if (at < 0) {
      // a new job of mine: the lists are asked again
      void queries.invalidateQueries({ queryKey: key });
      continue;
    }
    // a request for the list already under way may answer without this change, and it may be
    // the one bringing a new job (so it is not dropped): once it has answered, asked again
    if (queries.isFetching({ queryKey: key, exact: true }) > 0)
      void queries
        .refetchQueries({ queryKey: key, exact: true }, { cancelRefetch: false })
        .then(() =>
          queries.invalidateQueries({ queryKey: key, exact: true }, { cancelRefetch: false }),
        );
    // a list of some states only (waiting and running): a job in another state leaves it
    const states = (key[1] as { state?: string } | undefined)?.state?.split(",");
    const jobs = list.jobs.slice();
    if (states && !states.includes(e.state)) jobs.splice(at, 1);
    else jobs[at] = { ...jobs[at]!, state: e.state, reason: e.reason, exitCode: e.exitCode };
    queries.setQueryData<JobList>(key, { ...list, jobs });
  }
  void queries.invalidateQueries({ queryKey: ["job", String(e.id)] });
}

export function useJobEvents(): void {
  const queries = useQueryClient();
  useEffect(() => {
    const source = new EventSource("/api/v1/events");
    // what changed before the stream opened (or while it was down) is not in it: the lists are
    // asked again once it is open, and from then on kept by its events
    source.addEventListener("open", () => void queries.invalidateQueries({ queryKey: ["jobs"] }));
    source.addEventListener("job", (m) =>
      apply(queries, JSON.parse((m as MessageEvent).data) as JobEvent),
    );
    return () => source.close();
  }, [queries]);
}
