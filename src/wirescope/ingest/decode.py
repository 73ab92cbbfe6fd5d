"""Bytes to text: UTF-8 first, then charset detection; binary data is refused with a reason."""

from __future__ import annotations

import codecs

from ..errors import InputError

# Share of characters that must be printable (or ordinary whitespace) for data to count as text.
MIN_PRINTABLE_RATIO = 0.95
_LATIN_CODE_PAGES = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "cp775", "cp850", "cp858", "latin_1", "mac_latin2",
    "mac_roman", "mac_iceland", "mac_turkish", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10",
    "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
})
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, item: str, *, declared: str | None = None) -> str:
    """Decode an input item's bytes to text.

    Order: a byte-order mark; strict UTF-8; the ``declared`` encoding (e.g. an HTTP charset) when it decodes cleanly;
    charset-normalizer's best guess. Raises ``InputError`` naming ``item`` for empty data, binary data (NUL bytes or
    too few printable characters) and bytes no encoding explains.
    """
    if not data:
        raise InputError(item, "empty input (0 bytes)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_printable(data.decode(encoding), item)
            except UnicodeDecodeError as exc:
                raise InputError(item, f"starts with a {encoding} byte-order mark but is not valid {encoding}: "
                                 f"{exc.reason} at byte {exc.start}") from None
    if b"\x00" in data[:65536]:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return _check_printable(utf16, item)
        raise InputError(item, "binary data (contains NUL bytes), not text; give a text, JSON, CSV or HTML file")
    try:
        return _check_printable(data.decode("utf-8"), item)
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _check_printable(data.decode(declared), item)
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(item, "undecodable bytes: not UTF-8 and no text encoding fits; convert the file to UTF-8")
    # Short Latin-script texts leave the detector torn between Latin code pages (cp1257 wins "naïve" as "naļve").
    # Windows-1252 is by far the commonest legacy encoding of English news, so it wins among Latin candidates.
    if best.encoding in _LATIN_CODE_PAGES and any("cp1252" in m.could_be_from_charset for m in matches):
        try:
            return _check_printable(data.decode("cp1252"), item)
        except UnicodeDecodeError:
            pass
    return _check_printable(str(best), item)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 text written without a byte-order mark (Windows tools do this), or None.

    Text in a Latin or other alphabet below U+0100 has a NUL in every other byte: the high bytes (odd positions in
    little-endian, even in big-endian). Binary data has its NULs scattered over both.
    """
    sample = data[:65536]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= 0.3 and even_nul <= 0.02:
        encoding = "utf-16-le"
    elif even_nul >= 0.3 and odd_nul <= 0.02:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data[: len(data) - len(data) % 2].decode(encoding)
    except UnicodeDecodeError:
        return None


def _check_printable(text: str, item: str) -> str:
    sample = text[:65536]
    if not sample:
        return text
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in sample)
    ratio = printable / len(sample)
    if ratio < MIN_PRINTABLE_RATIO:
        raise InputError(item, f"binary data ({ratio:.0%} printable characters), not text; "
                         "give a text, JSON, CSV or HTML file")
    return text
