// wrapText: a sentence broken at spaces into lines of at most `width` characters (a longer word
// keeps its own line), for the fairness sentence under a trace and in a diagram's label. A space
// inside brackets does not break: `MmapLink[A, B]` stays whole.
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.match(/(?:[^\s[]|\[[^\]]*\])+/g) ?? []) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
