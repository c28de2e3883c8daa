// Writes the API's types for clients (the CLI, the portal) from the OpenAPI document that
// the server serves: src/client/api-types.ts. Run after changing a route: npm run client
// (a test fails while the committed types and the document disagree).
import { writeFileSync } from "node:fs";
import { apiTypes } from "./api-types.mjs";

writeFileSync("src/client/api-types.ts", await apiTypes());
