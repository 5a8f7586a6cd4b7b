"""The command tree read back from the argparse parser: groups, actions, options and their choices.

Shell completion, the default action of a group and the CLI reference page are all derived from
this view of the parser, so a command added to the parser is covered by each of them at once.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Argument:
    """One option (`flags` start with `-`) or positional argument of a command."""

    flags: tuple[str, ...]
    name: str
    help: str
    choices: tuple[str, ...]
    takes_value: bool
    required: bool
    default: object
    repeatable: bool

    @property
    def positional(self) -> bool:
        return not self.flags


@dataclass(frozen=True)
class Command:
    """A node of the tree: the root, a group (`keys`) or an action (`keys create`)."""

    path: tuple[str, ...]
    help: str
    parser: argparse.ArgumentParser
    arguments: tuple[Argument, ...]
    children: tuple[Command, ...]
    default_action: str | None

    @property
    def name(self) -> str:
        return " ".join(("deepgram", *self.path))

    @property
    def options(self) -> tuple[Argument, ...]:
        return tuple(a for a in self.arguments if not a.positional)

    @property
    def positionals(self) -> tuple[Argument, ...]:
        return tuple(a for a in self.arguments if a.positional)

    def child(self, name: str) -> Command | None:
        return next((c for c in self.children if c.path[-1] == name), None)

    def walk(self) -> Iterator[Command]:
        """This command and every command below it, depth first, in parser order."""
        yield self
        for child in self.children:
            yield from child.walk()


#: The attribute a group parser's defaults carry to name the action run when none is given.
DEFAULT_ACTION = "default_action"


def _argument(action: argparse.Action) -> Argument:
    choices = tuple(str(c) for c in action.choices) if action.choices is not None else ()
    default = None if action.default in (None, argparse.SUPPRESS) else action.default
    return Argument(
        flags=tuple(action.option_strings),
        name=action.metavar if isinstance(action.metavar, str) else action.dest,
        help=(action.help or "") if action.help != argparse.SUPPRESS else "",
        choices=choices,
        takes_value=action.nargs != 0,
        required=bool(action.required) if action.option_strings else action.nargs not in ("?", "*"),
        default=default,
        repeatable=isinstance(action, argparse._AppendAction),
    )


def command_tree(parser: argparse.ArgumentParser, path: tuple[str, ...] = (), help: str = "") -> Command:
    """The tree below `parser` (normally `build_parser()`)."""
    arguments: list[Argument] = []
    children: list[Command] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, sub in action.choices.items():
                children.append(command_tree(sub, (*path, name), helps.get(name, "")))
        else:
            arguments.append(_argument(action))
    default = parser.get_default(DEFAULT_ACTION)
    return Command(path, help or parser.description or "", parser, tuple(arguments), tuple(children),
                   default if isinstance(default, str) else None)


def with_default_action(root: Command, argv: Sequence[str]) -> list[str]:
    """`argv` with the default action of its group inserted when no action was named.

    `deepgram keys -p P` becomes `deepgram keys list -p P`. Asking a group for help
    (`deepgram keys --help`) is left alone, so it still lists the group's actions.
    """
    words = list(argv)
    for index, word in enumerate(words):
        group = root.child(word)
        if group is None:
            continue
        rest = words[index + 1:]
        if group.default_action is None or any(group.child(w) is not None for w in rest):
            return words
        if "-h" in rest or "--help" in rest:
            return words
        return [*words[: index + 1], group.default_action, *rest]
    return words
