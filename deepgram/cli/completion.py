"""`deepgram completion bash|zsh|fish`: a shell completion script generated from the parser.

The script completes command groups, actions, options and the values of options (and positional
arguments) that take one of a fixed set of choices. Bash and zsh share one POSIX-style function
that names the candidates for the words typed so far; fish uses its own `complete` rules.
"""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Iterator

from deepgram.cli.tree import Argument, Command

SHELLS = ("bash", "zsh", "fish")


def _flags(command: Command) -> list[str]:
    return [flag for option in command.options for flag in option.flags]


def _context_words(command: Command) -> list[str]:
    """What may follow once `command` has been typed: its actions, then options and choices."""
    words = [child.path[-1] for child in command.children]
    default = command.child(command.default_action) if command.default_action else None
    words += _flags(default or command)
    if not command.children:
        first = next(iter(command.positionals), None)
        if first is not None:
            words += list(first.choices)
    return list(dict.fromkeys(words))


def _valued(root: Command) -> list[str]:
    return sorted({f for c in root.walk() for o in c.options if o.takes_value for f in o.flags})


def _contexts(root: Command) -> Iterator[tuple[str, Command, Command]]:
    """(glob over "group action", the command typed, the command whose options apply)."""
    yield " ", root, root
    for group in root.children:
        name = group.path[-1]
        if not group.children:  # a lone command: its positional arguments fill the action slot
            yield f"{name} *", group, group
            continue
        default = group.child(group.default_action) if group.default_action else None
        yield f"{name} ", group, default or group
        for action in group.children:
            yield f"{name} {action.path[-1]}", action, action


def _case(glob: str) -> str:
    """A glob as a POSIX `case` pattern: literal parts quoted, `*` left active."""
    return "*".join(shlex.quote(part) if part else "" for part in glob.split("*"))


def _choice_options(command: Command) -> list[Argument]:
    return [o for o in command.options if o.choices]


def _posix_function(root: Command) -> str:
    """`_deepgram_words WORD...`: the candidates after WORDs (the words before the cursor)."""
    lines = [
        f"_deepgram_valued={shlex.quote(' '.join(_valued(root)))}",
        "_deepgram_words() {",
        '    local group="" action="" pending="" w',
        "    while [ $# -gt 0 ]; do",
        '        w="$1"; shift',
        '        case "$w" in',
        "            -*=*) ;;",
        '            -*) case " $_deepgram_valued " in *" $w "*)',
        '                    if [ $# -gt 0 ]; then shift; else pending="$w"; fi;; esac;;',
        '            *) if [ -z "$group" ]; then group="$w"; elif [ -z "$action" ]; then action="$w"; fi;;',
        "        esac",
        "    done",
        '    if [ -n "$pending" ]; then',
        '        case "$group $action $pending" in',
    ]
    for pattern, _, options_of in _contexts(root):
        for option in _choice_options(options_of):
            choices = shlex.quote(" ".join(option.choices))
            for flag in option.flags:
                lines.append(f"            {_case(f'{pattern} {flag}')}) echo {choices};;")
    lines += ["        esac", "        return 0", "    fi", '    case "$group $action" in']
    for pattern, typed, _ in _contexts(root):
        words = _context_words(typed)
        lines.append(f"        {_case(pattern)}) echo {shlex.quote(' '.join(words))};;")
    lines += ["    esac", "}"]
    return "\n".join(lines)


def bash(root: Command) -> str:
    return "\n".join([
        "# deepgram completion for bash: eval \"$(deepgram completion bash)\" in ~/.bashrc",
        _posix_function(root),
        "_deepgram() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}"',
        '    COMPREPLY=($(compgen -W "$(_deepgram_words "${COMP_WORDS[@]:1:COMP_CWORD-1}")" -- "$cur"))',
        "}",
        "complete -o default -F _deepgram deepgram",
        "",
    ])


def zsh(root: Command) -> str:
    return "\n".join([
        "#compdef deepgram",
        "# deepgram completion for zsh: eval \"$(deepgram completion zsh)\" in ~/.zshrc (after compinit),",
        "# or save it as _deepgram in a directory of $fpath",
        _posix_function(root),
        "_deepgram() {",
        '    local -a candidates',
        '    candidates=(${=$(_deepgram_words "${(@)words[2,CURRENT-1]}")})',
        "    compadd -- $candidates",
        "}",
        "if (( $+functions[compdef] )); then compdef _deepgram deepgram; fi",
        "",
    ])


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def fish(root: Command) -> str:
    lines = [
        "# deepgram completion for fish: deepgram completion fish > ~/.config/fish/completions/deepgram.fish",
        f"set -g __deepgram_valued {' '.join(_valued(root))}",
        "function __deepgram_context",
        "    set -l group; set -l action; set -l skip 0",
        "    for w in (commandline -opc)[2..-1]",
        "        if test $skip = 1; set skip 0; continue; end",
        "        switch $w",
        "            case '-*=*'",
        "            case '-*'",
        "                if contains -- $w $__deepgram_valued; set skip 1; end",
        "            case '*'",
        '                if test -z "$group"; set group $w',
        '                else if test -z "$action"; set action $w; end',
        "        end",
        "    end",
        '    echo "$group $action"',
        "end",
        "function __deepgram_in",
        "    string match -q -- $argv[1] (__deepgram_context)",
        "end",
        "complete -c deepgram -f",
    ]
    for pattern, typed, options_of in _contexts(root):
        when = _fish_quote("__deepgram_in " + _fish_quote(pattern))
        for child in typed.children:
            lines.append(f"complete -c deepgram -n {when} -a {child.path[-1]} -d {_fish_quote(child.help)}")
        if not typed.children and typed is not root:
            first = next(iter(typed.positionals), None)
            if first is not None and first.choices:
                choices = " ".join(first.choices)
                lines.append(f"complete -c deepgram -n {when} -a {_fish_quote(choices)}")
        for option in options_of.options:
            spec = " ".join(f"-l {f[2:]}" if f.startswith("--") else f"-s {f[1:]}" for f in option.flags)
            if option.choices:
                spec += f" -x -a {_fish_quote(' '.join(option.choices))}"
            elif option.takes_value:
                spec += " -r"
            lines.append(f"complete -c deepgram -n {when} {spec} -d {_fish_quote(option.help)}")
    return "\n".join([*lines, ""])


def script(shell: str, root: Command) -> str:
    """The completion script for `shell` (one of SHELLS)."""
    return {"bash": bash, "zsh": zsh, "fish": fish}[shell](root)


def add_command(root: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `deepgram completion SHELL`; it runs without an API key or a request."""
    help = "print a shell completion script (bash, zsh or fish)"
    parser = root.add_parser("completion", help=help, description=help + "; see the CLI page for setup")
    parser.add_argument("shell", choices=SHELLS)
    parser.set_defaults(local=_run)


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    import sys

    from deepgram.cli.tree import command_tree

    sys.stdout.write(script(args.shell, command_tree(parser)))
