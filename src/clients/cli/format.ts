/** Text output for people: aligned tables, durations and colour (only on a terminal). */

export interface Style {
  color: boolean;
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;
export type Colour = keyof typeof CODES;

export function paint(style: Style, colour: Colour | undefined, text: string): string {
  return style.color && colour !== undefined ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}

/** Colour for a service state, health score or breaker state. */
export function judge(value: string | number): Colour | undefined {
  if (typeof value === 'number') return value >= 80 ? 'green' : value > 0 ? 'yellow' : 'red';
  if (value === 'ready' || value === 'closed' || value === 'SUCCESS') return 'green';
  if (value === 'half-open' || value === 'starting' || value === 'busy') return 'yellow';
  if (value === 'open' || value === 'error' || value === 'stopped' || value === 'overloaded') return 'red';
  return undefined;
}

export function duration(ns: number): string {
  if (!Number.isFinite(ns) || ns <= 0) return '-';
  if (ns < 1e3) return `${Math.round(ns)}ns`;
  if (ns < 1e6) return `${trim(ns / 1e3)}µs`;
  if (ns < 1e9) return `${trim(ns / 1e6)}ms`;
  return `${trim(ns / 1e9)}s`;
}

export function uptime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = [d ? `${d}d` : '', d || h ? `${h}h` : '', d || h || m ? `${m}m` : '', `${s % 60}s`].filter(Boolean);
  return parts.join(' ');
}

export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Bytes in binary units, one decimal from KiB up. */
export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${units[i]}`;
}

function trim(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/**
 * Names, versions and endpoints come from whoever registered: control
 * characters (C0, DEL, C1) are shown as \\xHH so none reaches the terminal
 * (no escape-sequence injection). Every table and pairs cell passes here.
 */
export function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export interface Cell {
  text: string;
  colour?: Colour | undefined;
}

/** Columns padded to their widest cell; colour codes do not count toward width. */
export function table(style: Style, header: string[], rows: Array<Array<string | Cell>>): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: clean(c) } : { ...c, text: clean(c.text) })));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => [...(r[i]?.text ?? '')].length)));
  const line = (r: Cell[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] as number) - [...c.text].length));
        return i === r.length - 1 ? paint(style, c.colour, c.text) : paint(style, c.colour, c.text) + pad;
      })
      .join('  ')
      .trimEnd();
  return [paint(style, 'bold', line(header.map((text) => ({ text })))), ...cells.map(line)].join('\n');
}

/** "key  value" lines with the keys aligned. */
export function pairs(style: Style, entries: Array<[string, string | Cell]>): string {
  const w = Math.max(...entries.map(([k]) => k.length));
  return entries
    .map(([k, v]) => {
      const c = typeof v === 'string' ? { text: clean(v) } : { ...v, text: clean(v.text) };
      return `${paint(style, 'dim', k.padEnd(w))}  ${paint(style, c.colour, c.text)}`;
    })
    .join('\n');
}
