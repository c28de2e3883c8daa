import type { z } from "zod";

/** One line a person can act on: "field.path: what is wrong" for each problem. */
export function zodMessage(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => {
      const path = i.path.length ? i.path.join(".") : "the body";
      if (i.code === "unrecognized_keys")
        return `${path === "the body" ? "" : `${path}: `}unknown field(s) ${i.keys.map((k) => `"${k}"`).join(", ")}`;
      return `${path}: ${i.message}`;
    })
    .join("; ");
}
