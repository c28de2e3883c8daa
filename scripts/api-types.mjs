// The client types' text, from the built server's OpenAPI document (shared by the
// generator and the test that holds the committed file to it).
import openapiTS, { astToString } from "openapi-typescript";
import { openApiDocument } from "../dist/src/api/openapi.js";
import { ROUTES } from "../dist/src/api/route-table.js";

const HEADER = `// Generated from Guang's OpenAPI document by scripts/generate-client.mjs: do not edit.
/* eslint-disable */
`;

export async function apiTypes() {
  const doc = openApiDocument(ROUTES, "0");
  const ast = await openapiTS(doc, { rootTypes: true, rootTypesNoSchemaPrefix: true });
  return HEADER + astToString(ast);
}
