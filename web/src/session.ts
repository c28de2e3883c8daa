import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, data } from "./api";

/** Who is signed in (the API's whoami); an ApiError 401 when nobody is. */
export const whoamiQuery = queryOptions({
  queryKey: ["whoami"],
  queryFn: () => data(api.GET("/api/v1/auth/whoami")),
  staleTime: Infinity,
});

export function useWhoami() {
  return useQuery(whoamiQuery);
}

export type Whoami = NonNullable<ReturnType<typeof useWhoami>["data"]>;
