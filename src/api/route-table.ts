import type { Route } from "./route.js";
import { accountRoutes } from "./routes/accounts.js";
import { applicationRoutes } from "./routes/applications.js";
import { auditRoutes } from "./routes/audit.js";
import { moneyRoutes } from "./routes/money.js";
import { reportRoutes } from "./routes/reports.js";
import { tenantRoutes } from "./routes/tenants.js";
import { userRoutes } from "./routes/users.js";
import { authRoutes } from "./routes/auth.js";
import { centerRoutes } from "./routes/center.js";
import { jobRoutes } from "./routes/jobs.js";
import { networkRoutes } from "./routes/network.js";
import { qosRoutes } from "./routes/qos.js";
import { fileRoutes } from "./routes/files.js";
import { storageRoutes } from "./routes/storage.js";
import { shellRoutes } from "./routes/shells.js";

/** Every route of the API, in the order they are matched and documented. */
export const ROUTES: Route[] = [
  ...authRoutes,
  ...tenantRoutes,
  ...userRoutes,
  ...accountRoutes,
  ...applicationRoutes,
  ...auditRoutes,
  ...moneyRoutes,
  ...reportRoutes,
  ...jobRoutes,
  ...qosRoutes,
  ...fileRoutes,
  ...storageRoutes,
  ...shellRoutes,
  ...centerRoutes,
  ...networkRoutes,
];
