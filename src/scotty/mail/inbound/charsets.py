"""Bytes to text for every charset label mail carries, and for the labels it gets wrong.

Mail names its charset in a label the sender's software chose: "utf8", "latin1",
"ks_c_5601-1987", "x-unknown", or nothing at all with 8-bit bytes. Text must come out
readable whatever the label says, so a label is read as the codecs worth trying, in
order: what it names (widened to the superset Windows and the web really use: a text
labelled ISO-8859-1 is nearly always Windows-1252, one labelled GB2312 is GBK), then
UTF-8 (the usual truth behind a wrong label), then Windows-1252, which reads any byte.
What had to be guessed is said in a defect, for the record.
"""

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

# Windows-1252 leaves five bytes undefined; Latin-1 gives every byte a character, so a
# text in no charset at all still comes out whole (`_FALLBACK` below never fails).
_FILL = "scotty-latin1-fill"


def _latin1_fill(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(_FILL, _latin1_fill)
_FALLBACK = "cp1252"

# Labels Python does not know, or knows as a narrower charset than senders mean.
_ALIASES = {
    "iso-8859-8-i": "iso8859-8",  # "logical order" Hebrew: the same bytes
    "iso-8859-8-e": "iso8859-8",
    "iso-8859-6-i": "iso8859-6",
    "iso-8859-6-e": "iso8859-6",
    "unicode-1-1-utf-7": "utf-7",
    "unicode-2-0-utf-7": "utf-7",
    "x-unicode20utf7": "utf-7",
    "windows-874": "cp874",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "x-euc-jp": "euc_jp",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "csutf8": "utf-8",
    "ucs-2": "utf-16-le",
    "iso-10646-ucs-2": "utf-16-be",
    "x-mac-roman": "mac-roman",
    "cseuckr": "cp949",
}
# A codec (by Python's name) and the wider ones that read what senders really write
# under its label, tried in this order.
_SUPERSETS = {
    "iso8859-1": (_FALLBACK,),
    "iso8859-9": ("cp1254",),
    "iso8859-11": ("cp874",),
    "tis-620": ("cp874",),
    "euc_kr": ("cp949",),
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "big5": ("big5hkscs",),
    "shift_jis": ("cp932", "shift_jis_2004"),
    "euc_jp": ("euc_jp", "euc_jis_2004"),
    "iso2022_jp": ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2", "iso2022_jp_2004"),
}
# Text codecs Python has that no mail means, some of them slow on hostile input
# (punycode is quadratic) or able to turn bytes into other escapes.
_REFUSED = {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}
# Stateful encodings whose bytes are all ASCII: an ASCII text in them may still hold
# escapes (ISO-2022, HZ) or shifted runs (UTF-7).
_SEVEN_BIT_SHIFTS = ("utf-7", "hz", "iso2022")
# Characters no text should carry: C0 controls but tab and newline (PostgreSQL refuses
# NUL outright), and lone surrogates, which no encoder writes.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_ASCII_SAMPLE = bytes(range(0x20, 0x7F)) + b"\t\r\n"
_LONGEST_LABEL = 60  # the longest real one is about 30 characters
_UNQUOTE = re.compile(r"""^[\s"'<]+|[\s"'>;]+$""")


@dataclass(frozen=True)
class Decoded:
    text: str
    defect: str = ""  # what had to be guessed, in words; "" when the label was right


@lru_cache(maxsize=512)
def codecs_for(label: str | None) -> tuple[str, ...] | None:
    """The codecs a charset label means, best first; () for no label, None for a label
    no codec answers to."""
    if not label:
        return ()
    name = _UNQUOTE.sub("", label[:_LONGEST_LABEL]).lower()
    if not name:
        return ()
    known = _lookup(_ALIASES.get(name, name))
    if known is None:
        # "cp-1252", "win-1252", "windows1252", "x-cp1252": known names, other spellings.
        bare = re.sub(r"^x-|[^a-z0-9]", "", name)
        known = _lookup(bare) or _lookup(re.sub(r"^win(dows)?", "cp", bare))
    if known is None:
        return None
    return _SUPERSETS.get(known, (known,))


def _lookup(name: str) -> str | None:
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        return None
    # Bytes-to-bytes codecs ("base64", "zlib") are not charsets.
    if not getattr(info, "_is_text_encoding", True) or info.name in _REFUSED:
        return None
    return info.name


def decode(data: bytes, label: str | None, *, hint: str | None = None) -> Decoded:
    """`data` as text: read as `label` says if it can be, else as UTF-8, else mostly
    as the label says (a few bad bytes replaced), else as the `hint` (another charset
    the same message uses), else as Cyrillic or Windows-1252 (see `_guess`)."""
    wanted = codecs_for(label)
    if data.isascii() and all(_ascii_as_ascii(codec) for codec in wanted or ()):
        return Decoded(data.decode("ascii"), _unknown(label) if wanted is None else "")
    for codec in wanted or ():
        text = _strictly(data, codec)
        if text is not None:
            return Decoded(text)
    return _guess(data, label, wanted, hint)


@lru_cache(maxsize=128)
def _ascii_as_ascii(codec: str) -> bool:
    """Does the codec read ASCII bytes as the same ASCII text? Not UTF-16 and UTF-32,
    and not the stateful encodings whose escapes and shifts are ASCII bytes (ISO-2022,
    HZ, UTF-7)."""
    if codec.startswith(_SEVEN_BIT_SHIFTS):
        return False
    return _strictly(_ASCII_SAMPLE, codec) == _ASCII_SAMPLE.decode("ascii")


def _guess(data: bytes, label: str | None, wanted: tuple[str, ...] | None,
           hint: str | None) -> Decoded:  # fmt: skip
    """What the label did not read (8-bit bytes labelled US-ASCII are UTF-8 or
    Windows-1252): UTF-8, then a mostly right reading in the declared charset, then the
    hint, then Cyrillic if the bytes look it, then Windows-1252 (which never fails)."""
    said = _unknown(label) if wanted is None else ""
    text = _strictly(data, "utf-8")
    if text is not None:
        return Decoded(text, said or _misread(label, "UTF-8"))
    if wanted:
        text = _mostly(data, wanted[0])
        if text is not None:
            return Decoded(
                text, f"the text is not all valid {_name(label)}; bad bytes were replaced"
            )
    for codec in codecs_for(hint) or ():
        text = _strictly(data, codec)
        if text is not None:
            return Decoded(text, said or _misread(label, codec))
    cyrillic = _cyrillic(data)
    if cyrillic:
        return Decoded(data.decode(cyrillic, _FILL), said or _misread(label, cyrillic))
    text = data.decode(_FALLBACK, _FILL)
    return Decoded(text, said or _misread(label, "Windows-1252"))


_LOW_BYTES = bytes(range(0xC0))
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())


def _cyrillic(data: bytes) -> str | None:
    """The Cyrillic charset of a text in no known charset whose letters are mostly 8-bit
    (in Western European text, é and ü are a few letters among ASCII ones). Lower case,
    most of any text, is 0xC0-0xDF in KOI8-R and 0xE0-0xFF in Windows-1251."""
    letters = data.translate(None, _LOW_BYTES)
    ascii_letters = len(data.translate(None, _NOT_ASCII_LETTERS))
    if len(letters) < 4 or len(letters) < ascii_letters:
        return None
    upper_half = len(letters.translate(None, bytes(range(0xE0))))
    return "cp1251" if upper_half * 2 > len(letters) else "koi8-r"


def _strictly(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError):
        return None


def _mostly(data: bytes, codec: str) -> str | None:
    """The text with its bad bytes replaced, when more of its non-ASCII characters read
    right than wrong (a UTF-8 text with one broken byte); None when the charset reads
    next to nothing right (Windows-1252 labelled UTF-8)."""
    try:
        text = data.decode(codec, "replace")
    except (UnicodeError, LookupError):
        return None
    replaced = text.count("\ufffd")
    beyond_ascii = len(text) - len(text.encode("ascii", "ignore")) - replaced
    return text if 0 < replaced <= beyond_ascii else None


def _unknown(label: str | None) -> str:
    return f"unknown charset {_name(label)}"


def _misread(label: str | None, read_as: str) -> str:
    if not label:
        return f"8-bit text without a charset; read as {read_as}"
    return f"the text did not read as {_name(label)}; read as {read_as}"


def _name(label: str | None) -> str:
    return repr(printable(label or "")[:_LONGEST_LABEL])


def printable(text: str) -> str:
    """`text` without control characters; a lone surrogate becomes U+FFFD."""
    return _UNPRINTABLE.sub(lambda found: "\ufffd" if found.group() > "\x7f" else "", text)
