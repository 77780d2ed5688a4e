// traceSetting: what a trace was found under — its design (the table's row), the named
// configuration of a scenario, and its bounds — so each section of the page, each README entry
// and each picture says so itself: a scenario runs under other bounds than the table's, and a
// picture is also opened on its own.
import { type AnyStudy, rowLabel } from '../study.ts';
import { boundsEntries } from './boundsLine.ts';

export interface TraceSetting {
  /** The table row's name (a design file's row is its design's name). */
  readonly design: string;
  /** A named scenario's configuration; absent for the table's own traces. */
  readonly config?: string;
  /** `name = value` for every parameter but the table's. */
  readonly bounds: readonly string[];
  /** The entries of `bounds` that are not the table's. */
  readonly changed: readonly string[];
  /** The entries of `bounds` that are not the study's defaults: what a picture, opened on its
   * own, names (the defaults are a known reference: `rmc list`). */
  readonly unlikeDefaults: readonly string[];
}

export function traceSetting(
  study: AnyStudy,
  params: Readonly<Record<string, unknown>>,
  param: string,
  tableParams: Readonly<Record<string, unknown>>,
  config?: string,
): TraceSetting {
  const bounds = boundsEntries(params, param);
  const table = new Set(boundsEntries(tableParams, param));
  const defaults = new Set(boundsEntries(study.defaults as Record<string, unknown>, param));
  const value = params[param];
  return {
    design: rowLabel(study, value),
    ...(config !== undefined ? { config } : {}),
    bounds,
    changed: bounds.filter((b) => !table.has(b)),
    unlikeDefaults: bounds.filter((b) => !defaults.has(b)),
  };
}

/** "config viro-handoff: the table's bounds but selfSend = false", or "the table's bounds". */
export function configLine(s: TraceSetting, code: (text: string) => string = (t) => t): string {
  const bounds = s.changed.length === 0 ? "the table's bounds" : `the table's bounds but ${s.changed.map(code).join(', ')}`;
  return `${s.config !== undefined ? `config ${code(s.config)}: ` : ''}${bounds}`;
}

/** "design enberg-2007, config viro-handoff: the table's bounds but selfSend = false". */
export function settingLine(s: TraceSetting, code: (text: string) => string = (t) => t): string {
  return `design ${code(s.design)}, ${configLine(s, code)}`;
}

/** settingLine as a sentence, for the page and the README. */
export function settingSentence(s: TraceSetting, code?: (text: string) => string): string {
  const line = settingLine(s, code);
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}.`;
}

/**
 * A picture's title: its headline (which names the design), then the configuration and the bounds
 * that are not the study's defaults, a few to a line (Graphviz centres each line; one long line
 * would widen the picture past any screen).
 */
export function settingCaption(spec: string, headline: string, s: TraceSetting, width = 80): string {
  const lines = [`${spec}: ${headline}`];
  let line = `${s.config !== undefined ? `config ${s.config}: ` : ''}${spec}'s default bounds${s.unlikeDefaults.length > 0 ? ' but' : ''}`;
  for (const [i, b] of s.unlikeDefaults.entries()) {
    const item = `${b}${i < s.unlikeDefaults.length - 1 ? ',' : ''}`;
    if (line.length + 1 + item.length > width) {
      lines.push(line);
      line = item;
    } else line = `${line} ${item}`;
  }
  lines.push(line);
  return lines.join('\n');
}
