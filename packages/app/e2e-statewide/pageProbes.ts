import { Page } from '@playwright/test';

/*
 * What the statewide run measures inside the page, with the browser's own
 * performance API: long tasks from the first script on, the time of the
 * last click, and the frames of a scroll through the matrix.
 */

interface LongTask {
  start: number;
  duration: number;
}

interface Probes {
  longTasks: LongTask[];
  lastClickAt?: number;
}

declare global {
  interface Window {
    statewideProbes?: Probes;
  }
}

/** Long tasks in a span of time: how many, their sum and the longest. */
export interface LongTaskFigures {
  count: number;
  totalMs: number;
  maxMs: number;
}

/** Frame durations of a scroll, in milliseconds. */
export interface ScrollFigures {
  frames: number;
  durationMs: number;
  pixels: number;
  frameMs: { median: number; p95: number; max: number };
  /** Frames that took more than 50 ms, which a reader sees as a stutter. */
  framesOver50Ms: number;
  longTasks: LongTaskFigures;
  /** Distinct district names that were in the DOM at some frame. */
  districtsSeen: number;
}

/**
 * Installs the probes before any of the app's scripts run, in every
 * document the page opens: the observer of long tasks has to be there
 * from the start to see those of the first render.
 */
export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probes: Probes = { longTasks: [] };
    window.statewideProbes = probes;
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) {
        probes.longTasks.push({
          start: entry.startTime,
          duration: entry.duration,
        });
      }
    }).observe({ type: 'longtask', buffered: true });
    // Capturing, so that the time is taken before the app's handlers run.
    document.addEventListener(
      'click',
      () => {
        probes.lastClickAt = performance.now();
      },
      true,
    );
  });
}

/** Long tasks that began at or after `from` (ms since the navigation). */
export async function longTasksSince(
  page: Page,
  from: number,
): Promise<LongTaskFigures> {
  return page.evaluate(since => {
    const tasks = (window.statewideProbes?.longTasks ?? []).filter(
      task => task.start >= since,
    );
    const durations = tasks.map(task => task.duration);
    return {
      count: tasks.length,
      totalMs: Math.round(durations.reduce((sum, d) => sum + d, 0)),
      maxMs: Math.round(Math.max(0, ...durations)),
    };
  }, from);
}

/** When the last click happened, in ms since the navigation. */
export async function lastClickAt(page: Page): Promise<number> {
  const at = await page.evaluate(() => window.statewideProbes?.lastClickAt);
  if (at === undefined) {
    throw new Error('No click was seen by the probes');
  }
  return at;
}

/**
 * Waits, checking once per frame, until `complete` gives a time, and gives
 * that back. `complete` runs in the page: it returns false until the page
 * is complete, then the time, best from `performance.mark`, so that the
 * moment also shows on the trace's timeline.
 */
export async function timeUntil<Arg>(
  page: Page,
  complete: (arg: Arg) => number | false,
  arg: Arg,
  timeout: number,
): Promise<number> {
  try {
    const handle = await page.waitForFunction(complete, arg, {
      polling: 'raf',
      timeout,
    });
    return (await handle.jsonValue()) as number;
  } catch (error) {
    // Says what the page showed instead, which a timeout alone does not.
    const shown = await page
      .locator('main')
      .innerText({ timeout: 5_000 })
      .catch(() => '(no main element)');
    throw new Error(
      `The page was not complete after ${timeout} ms (${
        (error as Error).message.split('\n')[0]
      }); it showed: ${shown.replace(/\s+/g, ' ').slice(0, 500)}`,
    );
  }
}

/**
 * Scrolls the matrix from top to bottom, `step` pixels a frame, as a
 * steady fast scroll would, and measures each frame. Every district row
 * that enters the DOM on the way is counted, to show that all of them
 * render.
 */
export async function scrollMatrix(
  page: Page,
  step: number,
): Promise<ScrollFigures> {
  return page.evaluate(async pixelsPerFrame => {
    const grid = document.querySelector<HTMLElement>(
      '[role="grid"][aria-label="Districts by indicators"]',
    );
    if (!grid) {
      throw new Error('The matrix is not on the page');
    }
    const seen = new Set<string>();
    const collect = () => {
      grid
        .querySelectorAll('[role="row"] [role="rowheader"] a')
        .forEach(link => seen.add(link.textContent ?? ''));
    };

    grid.scrollTop = 0;
    await new Promise(requestAnimationFrame);
    collect();
    const startedAt = performance.now();
    const frames: number[] = [];
    let previous = startedAt;
    const end = () => grid.scrollHeight - grid.clientHeight;

    // A few frames at the bottom, so that the last rows get rendered.
    let settle = 3;
    while (settle > 0) {
      const now = await new Promise<number>(requestAnimationFrame);
      frames.push(now - previous);
      previous = now;
      collect();
      if (grid.scrollTop >= end() - 1) {
        settle--;
      } else {
        grid.scrollTop = Math.min(end(), grid.scrollTop + pixelsPerFrame);
      }
    }
    const finishedAt = performance.now();

    const sorted = [...frames].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    const tasks = (window.statewideProbes?.longTasks ?? []).filter(
      task => task.start >= startedAt && task.start <= finishedAt,
    );
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      frames: frames.length,
      durationMs: Math.round(finishedAt - startedAt),
      pixels: grid.scrollTop,
      frameMs: {
        median: round(at(0.5)),
        p95: round(at(0.95)),
        max: round(sorted[sorted.length - 1]),
      },
      framesOver50Ms: frames.filter(f => f > 50).length,
      longTasks: {
        count: tasks.length,
        totalMs: Math.round(tasks.reduce((sum, t) => sum + t.duration, 0)),
        maxMs: Math.round(Math.max(0, ...tasks.map(t => t.duration))),
      },
      districtsSeen: seen.size,
    };
  }, step);
}
