import { useQuery } from "@tanstack/react-query";
import { api, data } from "./api";

/** The lists pages share, each asked once and shared by every page that shows it. */
export function useClusters() {
  return useQuery({
    queryKey: ["clusters"],
    queryFn: async () => (await data(api.GET("/api/v1/clusters"))).clusters,
  });
}

export function useAccounts() {
  return useQuery({
    queryKey: ["accounts"],
    queryFn: async () =>
      (await data(api.GET("/api/v1/accounts", { params: { query: {} } }))).accounts,
  });
}

export function useSpendable(account: string) {
  return useQuery({
    queryKey: ["spendable", account],
    queryFn: () =>
      data(api.GET("/api/v1/accounts/{name}/spendable", { params: { path: { name: account } } })),
  });
}

/** Jobs as the API lists them (newest first), with its filters. */
export function useJobs(filter: {
  state?: string;
  account?: string;
  cluster?: string;
  partition?: string;
}) {
  return useQuery({
    queryKey: ["jobs", filter],
    queryFn: () =>
      data(
        api.GET("/api/v1/jobs", {
          params: {
            query: {
              limit: 1000,
              ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)),
            },
          },
        }),
      ),
  });
}
