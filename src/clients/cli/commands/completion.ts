/** vexfsctl completion [bash]: the bash completion script (zsh can load it through bashcompinit). */
import type { CommandSpec } from '../command.js';
import { ExitCode, usage } from '../errors.js';

/** The completion command for the program's `commands` (itself among them). */
export function completionCommand(commands: () => readonly CommandSpec[]): CommandSpec {
  return {
    name: 'completion',
    summary: 'print the bash completion script',
    args: '[shell]',
    details: ['example:', '  eval "$(vexfsctl completion bash)"'],
    async run(ctx, [shell = 'bash']) {
      if (shell !== 'bash')
        throw usage(`completion ${JSON.stringify(shell)}: only bash is supported (zsh: autoload bashcompinit && bashcompinit, then the bash script)`);
      ctx.io.out(completionScript(commands()));
      return ExitCode.OK;
    },
  };
}

function completionScript(commands: readonly CommandSpec[]): string {
  const perCommand = commands.map((c) => `    ${c.name}) opts="${(c.options ?? []).map(([flags]) => flags.split(' ')[0]).join(' ')}" ;;`).join('\n');
  const names = [...commands.map((c) => c.name), 'help'];
  return `# bash completion for vexfsctl: eval "$(vexfsctl completion bash)"
_vexfsctl() {
  local cur prev cmd opts i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --socket|--device|--via) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$prev" in
    --via) COMPREPLY=($(compgen -W "auto device daemon" -- "$cur")); return ;;
    --dtype) COMPREPLY=($(compgen -W "float32 float16 int8 int16 binary" -- "$cur")); return ;;
    --priority) COMPREPLY=($(compgen -W "low normal high critical" -- "$cur")); return ;;
    --socket|--device) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --service) COMPREPLY=($(compgen -W "$(vexfsctl services --json 2>/dev/null | sed -n 's/^    "id": "\\(.*\\)",$/\\1/p')" -- "$cur")); return ;;
  esac
  if [ -z "$cmd" ]; then
    COMPREPLY=($(compgen -W "${names.join(' ')} --json --via --device --socket --no-color --help" -- "$cur"))
    return
  fi
  case "$cmd" in
${perCommand}
  esac
  case "$cmd" in
    service|unregister)
      if [[ "$cur" != -* ]]; then
        COMPREPLY=($(compgen -W "$(vexfsctl services --json 2>/dev/null | sed -n 's/^    "id": "\\(.*\\)",$/\\1/p')" -- "$cur"))
        return
      fi ;;
  esac
  COMPREPLY=($(compgen -W "$opts --json --help" -- "$cur"))
}
complete -F _vexfsctl vexfsctl
`;
}
