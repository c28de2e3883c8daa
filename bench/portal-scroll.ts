import type { Browser } from "playwright-core";

/** 10,000 jobs on the open jobs page, scrolled: how long each frame took. */
export interface ScrollFigures {
  jobs: number;
  /** Frames while the list scrolled: median and 95th percentile, in ms. */
  frameMs: number;
  frameP95Ms: number;
  /** The jobs page shown with all the jobs listed, from navigation. */
  listedMs: number;
}

/** Submits `n` held jobs, `parallel` at a time (they wait, so that the jobs page lists them). */
async function submitHeld(url: string, token: string, n: number, parallel = 16): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const r = await fetch(`${url}/api/v1/jobs`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ script: "#!/bin/bash\ntrue\n", args: ["-H"], workdir: "/tmp" }),
      });
      if (r.status !== 201) throw new Error(`POST /jobs: ${r.status} ${await r.text()}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/**
 * Run in the page: scrolls the jobs table's virtual list down by 60 px a frame for `ms` and
 * gives back each frame's time (requestAnimationFrame to the next), as a person flicking
 * through a long list meets it.
 */
const SCROLL = (ms: number) => `new Promise((resolve) => {
  const holder = document.querySelector(".ant-table-tbody-virtual-holder");
  const frames = [];
  let last = performance.now();
  const end = last + ${ms};
  const step = (now) => {
    frames.push(now - last);
    last = now;
    holder.scrollTop += 60;
    if (now < end) requestAnimationFrame(step);
    else resolve(frames.slice(1));
  };
  requestAnimationFrame(step);
})`;

/** Run in the page: resolves once the virtual list is as tall as `n` rows (all of them listed). */
const LISTED = (n: number) => `new Promise((resolve) => {
  const tall = () =>
    (document.querySelector(".ant-table-tbody-virtual-holder")?.scrollHeight ?? 0) > ${n * 20};
  if (tall()) return resolve(true);
  new MutationObserver((_m, o) => {
    if (tall()) {
      o.disconnect();
      resolve(true);
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true });
})`;

/** The promise's value, or an error naming what did not happen within `ms`. */
export async function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_r, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${ms} ms for ${what}`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function benchScroll(
  browser: Browser,
  url: string,
  token: string,
  cookies: { name: string; value: string; url: string }[],
  jobs = 10_000,
): Promise<ScrollFigures> {
  await submitHeld(url, token, jobs);
  const context = await browser.newContext({
    locale: "en-US",
    viewport: { width: 1280, height: 900 },
  });
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${url}/jobs`);
    // all of them listed: the virtual list is as tall as its rows
    await within(120_000, page.evaluate(LISTED(jobs)), "the jobs page to list every job");
    const listedMs = Date.now() - t0;
    const frames = (await page.evaluate(SCROLL(4000))) as number[];
    const sorted = [...frames].sort((a, b) => a - b);
    return {
      jobs,
      frameMs: sorted[Math.floor(sorted.length / 2)]!,
      frameP95Ms: sorted[Math.floor(sorted.length * 0.95)]!,
      listedMs,
    };
  } finally {
    await context.close();
  }
}
