/** A trace's length in the words every report uses: "1 step", "6 steps". */
export function stepsText(n: number): string {
  return `${n} step${n === 1 ? '' : 's'}`;
}
