// designTables: the README's tables of a design's fields and of the interception points, written
// from the one schema (api/designApi.ts's DESIGN_FIELDS and POINTS), so the guide cannot list a
// field the loader does not check or miss one it does. test/spec/revoke/designSchema.test.ts keeps
// the README's copy equal to these (RMC_WRITE_DOCS=1 rewrites it).
import { DESIGN_FIELDS, POINTS } from '../api/designApi.ts';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The fields of a design, one row each: the name (required or not) and what it is. */
export function designFieldsTable(): string {
  const rows = Object.entries(DESIGN_FIELDS).map(([name, f]) => `| \`${name}\`${f.required ? '' : ' (optional)'} | ${cell(f.doc)} |`);
  return ['| field | what it is |', '| --- | --- |', ...rows].join('\n');
}

/** The interception points, one row each: the point, the model's steps it is part of, and what it is in the kernel. */
export function pointsTable(): string {
  const rows = Object.entries(POINTS).map(
    ([name, pt]) => `| \`${name}\` | ${pt.steps.length === 0 ? '(part of SyscallBegin)' : pt.steps.join(', ')} | ${cell(pt.doc)} |`,
  );
  return ["| point | steps | what it is in the kernel, and the plain kernel's answer |", '| --- | --- | --- |', ...rows].join('\n');
}
