import { FitAddon } from "@xterm/addon-fit";
import { Terminal } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/** What the server says on a shell's socket. */
type ShellMessage =
  | { type: "ready"; id: string; unixUser: string }
  | { type: "output"; data: string }
  | { type: "exit"; code: number }
  | { type: "error"; code: string; message: string };

/**
 * One terminal (xterm.js) on one shell of the server's (a WebSocket to /api/v1/shell). Given
 * the id of a shell it had before (a reload), it takes that one up again; else it opens one.
 */
export default function TerminalTab({
  shellId,
  where,
  onShell,
}: {
  shellId: string | null;
  /** A configured login (a cluster's login node) to open a new shell on; null: the center. */
  where: string | null;
  onShell: (id: string, unixUser: string) => void;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const told = useRef(onShell);
  told.current = onShell;
  useEffect(() => {
    const term = new Terminal({ cursorBlink: true, fontSize: 14, scrollback: 5000 });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(box.current!);
    fit.fit();
    let socket: WebSocket | null = null;
    let closed = false;
    const connect = (attach: string | null) => {
      const q = new URLSearchParams({ cols: String(term.cols), rows: String(term.rows) });
      if (attach) q.set("attach", attach);
      else if (where) q.set("where", where);
      const proto = window.location.protocol === "https:" ? "wss:" : "ws:";
      const ws = new WebSocket(`${proto}//${window.location.host}/api/v1/shell?${q}`);
      socket = ws;
      ws.onmessage = (m) => {
        const e = JSON.parse(String(m.data)) as ShellMessage;
        if (e.type === "ready") told.current(e.id, e.unixUser);
        else if (e.type === "output") term.write(e.data);
        else if (e.type === "exit") term.write(`\r\n\x1b[2m${t("shell.ended")}\x1b[0m\r\n`);
        // the shell it had is gone (a restart, too long away): a new one
        else if (e.code === "not_found" && attach) connect(null);
        else term.write(`\r\n\x1b[31m${e.message}\x1b[0m\r\n`);
      };
      ws.onclose = (e) => {
        if (!closed && e.code === 1006) term.write(`\r\n\x1b[31m${t("shell.lost")}\x1b[0m\r\n`);
      };
    };
    connect(shellId);
    const typed = term.onData((data) => socket?.send(JSON.stringify({ type: "input", data })));
    const resized = new ResizeObserver(() => {
      fit.fit();
      if (socket?.readyState === WebSocket.OPEN)
        socket.send(JSON.stringify({ type: "resize", cols: term.cols, rows: term.rows }));
    });
    resized.observe(box.current!);
    term.focus();
    return () => {
      closed = true;
      resized.disconnect();
      typed.dispose();
      socket?.close();
      term.dispose();
    };
    // one terminal for the life of the tab; its shell id is only read at the start
  }, []);
  return (
    <div
      ref={box}
      data-testid="terminal"
      style={{ height: "calc(100vh - 260px)", minHeight: 300 }}
    />
  );
}
