"""Text for a GitHub workflow command (`::error file=...,line=...::message`), as the runner
parses it.

The runner reads a command from one line of the log: a line break in a file name or a
message would end the command and start a new line that the runner reads as a command of
its own (a forged `::error`, or `::add-mask::` and worse). A property ends at `,` and the
property list at `::`. So, as GitHub's own toolkit does (`@actions/core`, `escapeData` and
`escapeProperty`): `%` first, then carriage return and line feed, and in a property also
`:` and `,`.
"""

from __future__ import annotations

from collections.abc import Mapping


def data(text: str) -> str:
    """A command's message, after the `::`."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def property_value(text: str) -> str:
    """One property's value, between `=` and the next `,`."""
    return data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: Mapping[str, object], message: str) -> str:
    """`::name key=value,key=value::message`, every value and the message escaped."""
    listed = ",".join(f"{key}={property_value(str(value))}" for key, value in properties.items())
    return f"::{name} {listed}::{data(message)}" if listed else f"::{name}::{data(message)}"
