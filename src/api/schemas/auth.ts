import { z } from "zod";
import { JOB_MAILS } from "../../services/identity/profile.js";

// Answers of the sign-in and session routes.

/** What a sign-in gives: the token, and the CSRF token of a browser session. */
export const signedInView = z.strictObject({
  token: z.string(),
  expiresAt: z.string(),
  user: z.string(),
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
});

/** A user's Unix identity. */
export const posixIdentity = z
  .strictObject({
    name: z.string(),
    uid: z.number().nullable(),
    gid: z.number().nullable(),
    home: z.string().nullable(),
  })
  .meta({ id: "PosixIdentity" });

/** What a person sets about themselves. */
export const profileView = z
  .strictObject({
    user: z.string(),
    email: z.string().nullable(),
    jobMail: z.array(z.enum(JOB_MAILS)),
    source: z.string(),
  })
  .meta({ id: "ProfileView" });
