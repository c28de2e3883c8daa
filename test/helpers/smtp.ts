import { SMTPServer } from "smtp-server";
import { freePort } from "./center.js";

/** A mail as the SMTP server took it: its envelope's recipients and its raw text. */
export interface Mail {
  to: string[];
  data: string;
}

/**
 * A real SMTP server on loopback for a suite (no auth, no TLS), keeping what it is sent in
 * `inbox`; the config line that points a center at it.
 */
export async function startSmtp(): Promise<{
  inbox: Mail[];
  config: (language: "zh" | "en") => string;
  stop: () => Promise<void>;
}> {
  const inbox: Mail[] = [];
  const port = await freePort();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (d: Buffer) => chunks.push(d));
      stream.on("end", () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString("utf8"),
        });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(port, "127.0.0.1", r));
  return {
    inbox,
    config: (language) =>
      `notifications:\n  smtp: { host: 127.0.0.1, port: ${port}, from: "Guang <guang@center.example>" }\n  language: ${language}\n`,
    stop: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}
