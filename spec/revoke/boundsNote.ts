// The bounds note GUARANTEES.md prints under the table's bounds: a "holds" is a statement about
// these bounds, so the note says, column by column, which bound left out of the default would
// change a cell. README.md's "The bounds" section argues each point; `npm run bench` prints the
// tables under the left-out bounds and compares their verdicts with this one.
export const boundsNote = `Every "holds" below holds within these bounds: two tasks, one socketpair with a queue of one, one vma and one call per task, one struct file on I at a time, faults at any time, ->mmap mapping PTEs, an open under way when revoke begins. Left out, and what it does to each column (spec/revoke/README.md argues each point; \`npm run bench\` prints the tables):

- A second struct file on I (\`filesOnI = 2\`), and the owner's CLONE_FILES thread (config \`threads\`): no cell changes. Under revokeat a run with two files projects onto one with one file; measured, the table with two files (4.0 million states for enberg-2007) has these verdicts and shortest lengths in every cell, and the \`threads\` table these verdicts in every row. The designs since 2007 (tty-hangup to hurd-io-revoke, and drm-unplug) keep every verdict with two files, the thread, a fork child and three tasks as well.
- \`no-usable-descriptor\`, \`no-live-file-anywhere\`: vnode-revoke's "holds" also holds with a fork child (\`wide\`); the Enberg designs break it faster there (T4).
- \`caller-access-as-specified\`: applies to frevoke only, checked with two struct files (\`frevoke-shared\`): violated in every design (T5), and there G1-G4 break too (with one file only the spared file exists and they hold vacuously).
- Who owns I (\`owner\`): each row takes its design's documented use (the revoker chowns first for revoke(2), vhangup and the 2007 designs). Measured both ways (\`--set owner=holder\`, \`--set owner=other\`), no verdict and no shortest length changes in any row: wherever a non-owner's fchmod is refused, its fstat gets through the same gate; only the operations a cell names change.
- \`other-inodes-untouched\`: exercised only with inode J (\`otherInode\`, checked for active-refs in the tests).
- \`no-use-after-free\`: without fs/file.c's light-fdget rule (\`threads-borrowing\`) the owner's thread frees the file under a borrowed read in every design.
- \`rust-revocable\`, \`c-revocable\`: one revoker. A second one (Devres's unbind and drop) loses the swap and returns false at once, owing nothing; a caller that takes that false for "gone" is Devres's race (f744201c6159), not modelled.
- \`revoke-returns\`: a caller that blocks for ever (\`stuck-caller\`) or a revoker inside a method of the file (\`self-revoke\`) breaks it for the draining designs (T8).`;
