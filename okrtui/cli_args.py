"""argparse speaking the catalog's language: its usage prefix, group titles, -h/--help and
usage errors come from the catalog, never from argparse's own English (gettext) words."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from okrtui.cli_output import EXIT_UNUSABLE, say
from okrtui.i18n import Catalog

_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key) for pattern, key in (
        (r"the following arguments are required: (?P<names>.+)", "required"),
        (r"unrecognized arguments: (?P<values>.*)", "unrecognized"),
        (r"one of the arguments (?P<names>.+) is required", "one_of"),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "ambiguous"),
        (r"argument (?P<argument>.+?): (?P<reason>.+)", "argument"),
    )
)
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key) for pattern, key in (
        (r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)", "invalid_choice"),
        (r"expected one argument", "expected_one"),
        (r"expected at most one argument", "expected_at_most_one"),
        (r"expected at least one argument", "expected_at_least_one"),
        (r"expected (?P<count>\d+) arguments?", "expected_count"),
        (r"not allowed with argument (?P<other>.+)", "not_allowed_with"),
        (r"ignored explicit argument (?P<value>.+)", "ignored_explicit"),
        (r"invalid \S+ value: (?P<value>.+)", "invalid_value"),
    )
)


def usage_error(message: str, tr: Catalog) -> str:
    """argparse's (English) error message in the catalog's words; an error argparse words in
    a way not known here is told without its English."""
    for pattern, key in _ERRORS:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        params = match.groupdict()
        if key == "argument":
            reason = _reason(params["reason"], tr)
            if reason is None:
                break
            return tr("cli.args.argument", argument=params["argument"], reason=reason)
        return tr(f"cli.args.{key}", **params)
    return tr("cli.args.unknown", english=message)


def _reason(message: str, tr: Catalog) -> str | None:
    for pattern, key in _REASONS:
        match = pattern.fullmatch(message)
        if match is not None:
            params: dict[str, Any] = match.groupdict()
            if "count" in params:
                params["count"] = int(params["count"])
            return tr(f"cli.args.{key}", **params)
    return None


def _formatter(tr: Catalog) -> type[argparse.HelpFormatter]:
    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage: str | None, actions: Any, groups: Any,
                      prefix: str | None = None) -> None:
            super().add_usage(usage, actions, groups,
                              prefix if prefix is not None else f"{tr('cli.args.usage')} ")

        def start_section(self, heading: str | None) -> None:
            space = tr("export.colon").removesuffix(":")  # argparse writes the colon itself
            super().start_section(f"{heading}{space}" if heading else heading)

    return Formatter


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose every word comes from tr; what it prints (usage errors quote
    what was typed) is printed the same safe way as the rest of the command line."""

    def __init__(self, *, tr: Catalog, **options: Any) -> None:
        super().__init__(formatter_class=_formatter(tr), add_help=False, **options)
        self.tr = tr
        self._positionals.title = tr("cli.args.positionals")
        self._optionals.title = tr("cli.args.options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=tr("cli.args.help"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        say(f"{self.prog}{self.tr('export.colon')} {self.tr('cli.args.error')}"
            f"{self.tr('export.colon')} {usage_error(message, self.tr)}", error=True)
        sys.exit(EXIT_UNUSABLE)

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            say(message, error=file is not sys.stdout, end="")
