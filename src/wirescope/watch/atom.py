"""Notifications as text: the Atom feed (RFC 4287) served at ``/api/alerts.atom``, and the e-mail body.

An entry's ``atom:id`` is a ``urn:uuid`` derived from the notification's stable id, so a feed reader shows an
updated notification (a later report of the same event) as the same entry with a newer ``atom:updated``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

from .notify import Evidence, Notification

ATOM = "http://www.w3.org/2005/Atom"
_NS = uuid.UUID("5b1d3f3e-8f6b-4e1c-9a53-1f0d0f3a6a11")  # wirescope's namespace for entry ids


def _time(value: datetime | None) -> str:
    value = value or datetime.now(UTC).replace(tzinfo=None)
    return value.replace(microsecond=0).isoformat() + "Z"


def entry_id(notification_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NS, notification_id)}"


# Characters XML 1.0 does not allow (control characters other than tab and newlines, lone surrogates, U+FFFE/F):
# article text is untrusted, and one such character would make the whole feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _sub(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, name, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _clean(text)
    return el


def evidence_lines(evidence: Sequence[Evidence] | Sequence[dict[str, Any]]) -> list[str]:
    """One paragraph per report: the sentence, then outlet, date, confidence and link."""
    lines = []
    for e in evidence:
        d = e if isinstance(e, dict) else {f: getattr(e, f) for f in Evidence.__slots__}
        said = " · ".join(x for x in (d.get("outlet"), d.get("published"),
                                      f"confidence {d.get('confidence', 0):.2f}") if x)
        lines.append(f"“{d.get('sentence', '')}”\n  — {said}" + (f"\n  {d['url']}" if d.get("url") else ""))
    return lines


def atom_feed(notes: Sequence[Notification], *, self_url: str, title: str = "wirescope alerts") -> bytes:
    """The notifications as an Atom feed, most recently updated first."""
    # Unqualified names under a default namespace declared on the root: every element is in the Atom namespace
    # (without registering a prefix process-wide, as ET.register_namespace would).
    feed = ET.Element("feed", {"xmlns": ATOM})
    _sub(feed, "id", f"urn:uuid:{uuid.uuid5(_NS, 'feed:' + title)}")
    _sub(feed, "title", title)
    _sub(feed, "updated", _time(max((n.updated_at for n in notes if n.updated_at), default=None)))
    author = _sub(feed, "author")
    _sub(author, "name", "wirescope")
    _sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _sub(feed, "generator", "wirescope")
    for n in notes:
        entry = _sub(feed, "entry")
        _sub(entry, "id", entry_id(n.id))
        _sub(entry, "title", n.title)
        _sub(entry, "updated", _time(n.updated_at))
        _sub(entry, "published", _time(n.created_at))
        outlets = sorted({e.outlet for e in n.evidence if e.outlet})
        for name in outlets or ["wirescope"]:
            _sub(_sub(entry, "author"), "name", name)
        if n.link:
            _sub(entry, "link", rel="alternate", href=n.link)
        for e in n.evidence:
            if e.url and e.url != n.link:
                _sub(entry, "link", rel="related", href=e.url, title=(e.outlet or e.url)[:200])
        _sub(entry, "category", term=n.watchlist, label=f"watchlist {n.watchlist}")
        _sub(entry, "category", term=n.kind)
        _sub(entry, "summary", n.summary)
        _sub(entry, "content", _body(n), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _body(n: Notification) -> str:
    head = (f"{n.num_reports} reports from {n.num_outlets} outlets"
            + (f", confidence {n.confidence:.2f}" if n.confidence is not None else "")
            + (f" (update {n.revision - 1})" if n.revision > 1 else ""))
    return "\n\n".join([head, *evidence_lines(n.evidence)])


def mail_text(payload: dict[str, Any]) -> tuple[str, str]:
    """Subject and plain-text body of an e-mail for an outbox payload (one notification, or a digest)."""
    if payload.get("type") == "digest":
        items = payload.get("notifications", [])
        subject = f"[wirescope] {payload['watchlist']}: digest of {len(items)} notifications"
        parts = [f"More than the watchlist's hourly limit arrived; here they are together ({payload.get('reason')})."]
        parts += [_mail_one(item["notification"]) for item in items]
        return subject, "\n\n----\n\n".join(parts)
    n = payload["notification"]
    return f"[wirescope] {payload['watchlist']}: {n['title']}"[:250], _mail_one(n)


def _mail_one(n: dict[str, Any]) -> str:
    conf = f", confidence {n['confidence']:.2f}" if n.get("confidence") is not None else ""
    lines = [n["title"], "", f"{n['num_reports']} reports from {n['num_outlets']} outlets{conf}.", "",
             *evidence_lines(n.get("evidence", []))]
    if n.get("link"):
        lines += ["", f"First report: {n['link']}"]
    return "\n".join(lines)
