"""What `wirescope watch` follows: feed URLs and folders, given directly or listed in an OPML file or a text file.

A source may carry its own interval: ``https://example.org/feed.xml@5m`` on the command line, a second column in a
text file (``https://example.org/feed.xml 5m``) or an ``every="5m"`` attribute on an OPML outline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree

from ..errors import InputError

SourceKind = Literal["feed", "folder"]
_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)", re.IGNORECASE)
_OVERRIDE = re.compile(r"^(.+)@(\d+(?:\.\d+)?[smhd]?)$", re.IGNORECASE)
MIN_INTERVAL = 1.0  # seconds; a feed polled faster than this is a load test, not monitoring


@dataclass(frozen=True, slots=True)
class Source:
    """One watched source: a feed URL or a folder (an absolute path), polled every ``every`` seconds."""

    name: str
    kind: SourceKind
    every: float


def parse_interval(text: str) -> float:
    """Seconds in ``"10m"``, ``"30s"``, ``"2h"``, ``"1d"`` or a bare number of seconds."""
    match = _DURATION.fullmatch(text.strip())
    if not match:
        raise InputError(text, "not an interval; write a number with s, m, h or d, e.g. 10m or 30s")
    seconds = float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]
    if seconds < MIN_INTERVAL:
        raise InputError(text, f"an interval must be at least {MIN_INTERVAL:g} second")
    return seconds


def expand_sources(specs: Iterable[str], every: float) -> list[Source]:
    """The sources named by ``specs`` (URLs, folders, OPML files, text files of URLs), each once, in order.
    Raises ``InputError`` naming the first spec that is none of these."""
    found: dict[str, Source] = {}
    for spec in specs:
        for source in _expand(spec, every):
            found.setdefault(source.name, source)
    if not found:
        raise InputError(", ".join(specs) or "(none)", "no sources to watch; give feed URLs, folders, an OPML file "
                         "or a text file of URLs")
    return list(found.values())


def _split_override(spec: str, every: float) -> tuple[str, float]:
    match = _OVERRIDE.match(spec.strip())
    if match and not Path(spec).exists():
        return match.group(1), parse_interval(match.group(2))
    return spec.strip(), every


def _expand(spec: str, every: float) -> Iterator[Source]:
    target, interval = _split_override(spec, every)
    if target.startswith(("http://", "https://")):
        yield Source(target, "feed", interval)
        return
    path = Path(target).expanduser()
    if path.is_dir():
        yield Source(str(path.resolve()), "folder", interval)
    elif path.is_file():
        yield from _read_list(path, interval)
    else:
        raise InputError(spec, "not a URL, a folder, an OPML file or a text file of URLs (no such file or folder)")


def _read_list(path: Path, every: float) -> Iterator[Source]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the source list: {exc}") from None
    if path.suffix.lower() in {".opml", ".xml"} or text.lstrip().startswith("<"):
        yield from _read_opml(path, text, every)
        return
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if not parts[0].startswith(("http://", "https://")) or len(parts) > 2:
            raise InputError(f"{path}:{number}", "a line of a source list is a feed URL, optionally followed by "
                             "its interval (e.g. https://example.org/feed.xml 5m)")
        yield Source(parts[0], "feed", parse_interval(parts[1]) if len(parts) == 2 else every)


def _read_opml(path: Path, text: str, every: float) -> Iterator[Source]:
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise InputError(str(path), f"not a well-formed OPML file: {exc}") from None
    if root.tag.lower() != "opml":
        raise InputError(str(path), f"not an OPML file (the root element is <{root.tag}>)")
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url.startswith(("http://", "https://")):
            own = outline.get("every")
            yield Source(url, "feed", parse_interval(own) if own else every)
