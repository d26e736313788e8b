// Child processes for the benches: run one under /usr/bin/time -v (wall and peak RSS) and read its output.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

export function tail(s, n = 400) {
  s = String(s || '').trim();
  return s.length > n ? '…' + s.slice(-n) : s;
}

/** The first error line of a failed process's output and what follows it (else the tail). */
export function errExcerpt(s, n = 400) {
  s = String(s || '');
  const at = s.search(/^.*(Error|error:|ERR_)/m);
  return at >= 0
    ? s
        .slice(at, at + n)
        .trim()
        .replace(/\s*\n\s*/g, ' | ')
    : tail(s, n);
}

/** "h:mm:ss" / "m:ss.cc" -> seconds. */
function clockToSeconds(s) {
  const parts = s.trim().split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

/**
 * Runs a command as a whole process, under /usr/bin/time -v when present. Resolves with exit code,
 * stdout/stderr (stderr without the time report), wall seconds and peak RSS (KiB, or NaN).
 */
export function timed(cmd, args, { env = {}, cwd = ROOT, maxOut = 4 << 20 } = {}) {
  return new Promise((resolveRun) => {
    const argv = TIME ? ['-v', cmd, ...args] : args;
    const t0 = performance.now();
    let child;
    try {
      child = spawn(TIME ?? cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      resolveRun({ code: -1, stdout: '', stderr: String(e), wall: NaN, rssKiB: NaN });
      return;
    }
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      if (stdout.length < maxOut) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
      if (stderr.length > maxOut) stderr = stderr.slice(-maxOut);
    });
    child.on('error', (e) => {
      stderr += `\n${e.message}`;
    });
    child.on('close', (code, signal) => {
      const hr = (performance.now() - t0) / 1000;
      let wall = hr;
      let rssKiB = NaN;
      if (TIME) {
        const w = /Elapsed \(wall clock\) time \([^)]*\):\s*([\d:.]+)/.exec(stderr);
        const r = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(stderr);
        if (w) wall = clockToSeconds(w[1]);
        if (r) rssKiB = Number(r[1]);
        const at = stderr.search(/(Command exited with non-zero status|Command terminated by signal|\tCommand being timed:)/);
        if (at >= 0) stderr = stderr.slice(0, at);
      }
      resolveRun({ code: code ?? (signal ? 128 : -1), signal, stdout, stderr, wall, rssKiB });
    });
  });
}

export function parseJsonOut(stdout) {
  const s = stdout.trim();
  if (!s) return null;
  try {
    return JSON.parse(s);
  } catch {
    /* maybe log lines before the JSON */
  }
  // Only lines that start a top-level value (unindented): trying every row of a large pretty-printed
  // output that failed to parse (truncated, say) would parse megabytes once per row.
  const lines = s.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i].startsWith('{') || lines[i].startsWith('[')) {
      try {
        return JSON.parse(lines.slice(i).join('\n'));
      } catch {
        /* keep looking */
      }
    }
  }
  return null;
}
