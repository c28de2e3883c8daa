import { queryOptions, useQuery, type QueryClient } from "@tanstack/react-query";
import type { components, paths } from "../../src/client/api-types";
import { api, data } from "./api";

/** The lists pages share, each asked once and shared by every page that shows it. */
const clustersQuery = queryOptions({
  queryKey: ["clusters"],
  queryFn: async () => (await data(api.GET("/api/v1/clusters"))).clusters,
});

const accountsQuery = queryOptions({
  queryKey: ["accounts"],
  queryFn: async () =>
    (await data(api.GET("/api/v1/accounts", { params: { query: {} } }))).accounts,
});

const tenantsQuery = queryOptions({
  queryKey: ["tenants"],
  queryFn: async () => (await data(api.GET("/api/v1/tenants"))).tenants,
});

const qosQuery = queryOptions({
  queryKey: ["qos"],
  queryFn: async () => (await data(api.GET("/api/v1/qos"))).qos,
});

const spendableQuery = (account: string) =>
  queryOptions({
    queryKey: ["spendable", account],
    queryFn: () =>
      data(api.GET("/api/v1/accounts/{name}/spendable", { params: { path: { name: account } } })),
  });

/** My home's and my accounts' project folders' storage: the dashboard's panel and its accounts. */
export const STORAGE_KEY = ["storage"];
const storageQuery = queryOptions({
  queryKey: STORAGE_KEY,
  queryFn: () => data(api.GET("/api/v1/storage")),
});

/** The clusters; `everyMs`: asked again that often (a page about any job's effect on nodes). */
export const useClusters = (everyMs?: number) =>
  useQuery({ ...clustersQuery, ...(everyMs ? { refetchInterval: everyMs } : {}) });
export const useStorage = () => useQuery(storageQuery);
export const useAccounts = () => useQuery(accountsQuery);
/** The tenants the asker may see; `enabled`: asked only where the page needs them. */
export const useTenants = (enabled = true) => useQuery({ ...tenantsQuery, enabled });
export const useQos = () => useQuery(qosQuery);
export const useSpendable = (account: string) => useQuery(spendableQuery(account));

type JobQuery = NonNullable<paths["/api/v1/jobs"]["get"]["parameters"]["query"]>;
type Job = components["schemas"]["JobView"];

/** The most jobs a list shows (ten of the API's pages of 1,000). */
export const MOST_JOBS = 10_000;

/** Jobs as the API lists them (newest first), page after page up to MOST_JOBS. */
export async function jobsUpTo(query: JobQuery): Promise<{ jobs: Job[]; more: boolean }> {
  const jobs: Job[] = [];
  let before: number | undefined;
  do {
    const page = await data(
      api.GET("/api/v1/jobs", { params: { query: { ...query, limit: 1000, before } } }),
    );
    jobs.push(...page.jobs);
    before = page.next ?? undefined;
  } while (before !== undefined && jobs.length < MOST_JOBS);
  return { jobs, more: before !== undefined };
}

type JobFilter = { state?: string; account?: string; cluster?: string; partition?: string };

const jobsQuery = (filter: JobFilter) =>
  queryOptions({
    queryKey: ["jobs", filter],
    queryFn: () =>
      jobsUpTo(Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as JobQuery),
  });

/** Jobs with the lists' filters, kept live by the events stream. */
export const useJobs = (filter: JobFilter) => useQuery(jobsQuery(filter));

/** The dashboard's jobs: those waiting and running. */
export const DASHBOARD_JOBS: JobFilter = { state: "PENDING,RUNNING" };

/**
 * What the dashboard shows, asked for as soon as the session is known rather than once its
 * code has come and drawn: the asking and the drawing overlap on a first visit.
 */
export async function prefetchDashboard(queries: QueryClient): Promise<void> {
  void queries.prefetchQuery(clustersQuery);
  void queries.prefetchQuery(jobsQuery(DASHBOARD_JOBS));
  const accounts = await queries.fetchQuery(accountsQuery);
  for (const a of accounts) void queries.prefetchQuery(spendableQuery(a.name));
}
