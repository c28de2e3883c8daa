/** One event of a stream: its SSE id and the job event it carries. */
interface StreamEvent {
  id: number;
  job: number;
  state: string;
  eventId: number;
}

/**
 * Opens a center's event stream (resuming after `lastId` when given) and reads it until it
 * ends: the raw text, the parsed events, a promise of its end, and a way to stop it.
 */
export async function openEvents(url: string, token: string, lastId?: string) {
  const ctrl = new AbortController();
  const res = await fetch(`${url}/api/v1/events`, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(lastId !== undefined ? { "last-event-id": lastId } : {}),
    },
    signal: ctrl.signal,
  });
  let text = "";
  let parsedUpTo = 0;
  const events: StreamEvent[] = [];
  const read = async () => {
    if (res.status !== 200) return;
    const reader = res.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += Buffer.from(value!).toString();
      let i: number;
      while ((i = text.indexOf("\n\n", parsedUpTo)) >= 0) {
        const block = text.slice(parsedUpTo, i);
        parsedUpTo = i + 2;
        const id = /^id: (\d+)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (id && data) {
          const e = JSON.parse(data) as { id: number; state: string; eventId: number };
          events.push({ id: Number(id), job: e.id, state: e.state, eventId: e.eventId });
        }
      }
    }
  };
  const ended = read();
  return { status: res.status, text: () => text, events, ended, stop: () => ctrl.abort() };
}
