import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./i18n";
import { App, preloadPage } from "./App";
import { prefetchDashboard } from "./queries";
import { whoamiQuery } from "./session";

// the server's state: asked once, kept fresh by the events stream rather than by polling
const queries = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

// a first visit: the page's code, the session and (on the dashboard) its data all asked at once
const path = window.location.pathname;
preloadPage(path);
queries.fetchQuery(whoamiQuery).then(
  () => (path === "/" ? prefetchDashboard(queries) : undefined),
  () => undefined, // not signed in: the sign-in page says so
);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
