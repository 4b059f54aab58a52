"""argparse in the user's language: the command line's help and errors (Qt-free).

argparse writes its own words ("usage:", "options", "the following arguments are
required") in English; `ArgumentParser` here takes them, and our help texts, from the
catalogue through `i18n.tr`, so `LANG=ru_RU.UTF-8 medcard --help` is Russian throughout.
Help strings are marked with N_ where they are written and translated here.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from desktop.services.i18n import N_, tr

# argparse's own messages (the ones a user meets), as patterns over its English text.
_ARGPARSE_MESSAGES = (
    (
        re.compile(r"^the following arguments are required: (?P<x>.+)$"),
        N_("the following arguments are required: {x}"),
    ),
    (
        re.compile(
            r"^argument (?P<a>[^:]+): invalid choice: (?P<x>.+?) \(choose from (?P<c>.+)\)$"
        ),
        N_("argument {a}: invalid choice: {x} (choose from {c})"),
    ),
    (
        re.compile(r"^argument (?P<a>[^:]+): expected one argument$"),
        N_("argument {a}: expected one argument"),
    ),
    (re.compile(r"^unrecognized arguments: (?P<x>.+)$"), N_("unrecognized arguments: {x}")),
)


def translate_argparse_message(message: str) -> str:
    for pattern, template in _ARGPARSE_MESSAGES:
        match = pattern.match(message)
        if match:
            return tr(template).format(**match.groupdict())
    return message


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        # argparse passes "" when it builds a sub-command's name: no prefix there.
        super().add_usage(usage, actions, groups, tr(N_("usage: ")) if prefix is None else prefix)


class ArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose fixed words and errors are translated; sub-parsers made by
    `add_subparsers().add_parser` are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False  # our own -h, with translated help
        parents = kwargs.pop("parents", [])
        super().__init__(*args, **kwargs)
        self._positionals.title = tr(N_("positional arguments"))
        self._optionals.title = tr(N_("options"))
        # A parent's options join ours only now that the group titles match (argparse
        # would file them under a second "options" heading).
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=tr(N_("show this help and exit")),
            )

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", ArgumentParser)
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = tr(N_("{prog}: error: {message}")).format(
            prog=self.prog, message=translate_argparse_message(message)
        )
        self.exit(2, text + "\n")
