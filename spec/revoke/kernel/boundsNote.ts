// The bounds note GUARANTEES.md prints under the table's bounds: a "holds" is a statement about
// these bounds, so the note says what they leave out and which bound would change which cell.
// README.md's "The bounds" section argues each point at length.
export const boundsNote = `What the bounds leave out, and what it could change (spec/revoke/README.md argues each point):

- A second struct file on I (\`filesOnI = 2\`): under revokeat every guarantee is about each struct file and holder apart, and a run with two files projects onto one with one; the table with two files (\`npm run bench\` prints it; 137 s, 4.0 million states for enberg-2007) has the default's verdicts and lengths in every cell. Under frevoke the exemption compares struct files, so frevoke is checked with two files (\`frevoke-shared\`): with one, only the spared file exists and G1-G4 hold vacuously.
- The owner's CLONE_FILES thread (config \`threads\`): same verdicts in every row (the bench prints that table too); without the light-fdget rule (\`threads-borrowing\`) \`no-use-after-free\` breaks in every design.
- A fork child (\`fork-mid-scan\`, \`wide\`), a stuck caller (\`stuck-caller\`) and a self-revoke (\`self-revoke\`) are named scenarios below, and inode J (\`otherInode\`) is checked in the tests: the \`revoke-returns\` cells of active-refs and vnode-revoke hold only because no call blocks for ever here.
- Every "holds" above holds within: two tasks, one socketpair with a queue of one, one vma and one call per task, one struct file on I at a time, faults at any time, ->mmap mapping PTEs, an open under way when revoke begins.`;
