// withCode: a step's label with the code it abstracts beside it, in brackets, as every renderer
// shows it: `SendFd(B -> A via s0, F0)  [sendmsg SCM_RIGHTS: unix_attach_fds]`. A reviewer reads
// the model's verb and finds the function it stands for without opening the spec.
export function withCode(label: string, code: string | undefined, separator = '  '): string {
  return code === undefined ? label : `${label}${separator}[${code}]`;
}
