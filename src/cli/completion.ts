/** The bash completion script `vexfsctl completion bash` prints (zsh can load it through bashcompinit). */
import { COMMANDS, COMMAND_OPTIONS } from './args.js';

export function completionScript(): string {
  const perCommand = COMMANDS.map(
    (c) =>
      `    ${c}) opts="${Object.keys(COMMAND_OPTIONS[c])
        .map((o) => `--${o}`)
        .join(' ')}" ;;`,
  ).join('\n');
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
    COMPREPLY=($(compgen -W "${COMMANDS.join(' ')} --json --via --device --socket --no-color --help" -- "$cur"))
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
