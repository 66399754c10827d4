"""What the guards look at: the text as a reader sees it, and every payload hidden inside it.

Attackers hide an instruction from a pattern matcher in ways a model still reads: look-alike
letters from other scripts, zero-width and bidi control characters, fullwidth forms, letters
spaced apart, leetspeak, or the whole instruction encoded (base64, hex, rot13, URL-encoding) with a
request to decode it. ``views`` returns the NFKC-folded text and one variant per trick, each
undone, so a rule written once for plain text sees them all.
"""
from __future__ import annotations

import base64
import binascii
import codecs
import re
import unicodedata
from urllib.parse import unquote

# Format characters that render as nothing: zero-width, joiners, soft hyphen, bidi controls.
_INVISIBLE = dict.fromkeys([0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF, 0x00AD,
                            0x180E, 0x034F, 0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F),
                            *range(0x2066, 0x206A), *range(0xFE00, 0xFE10)])
# Cyrillic and Greek letters drawn like Latin ones (folded only inside words that mix scripts, so
# Russian and Greek text stays itself).
_CONFUSABLE = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "һ": "h",
    "ӏ": "l", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "Α": "A", "Β": "B", "Ε": "E", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ζ": "Z"})
_LATIN = re.compile(r"[A-Za-z]")
_OTHER_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f\u0250-\u02af]")
_WORD = re.compile(r"\S+")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
                       "!": "i", "|": "l", "8": "b", "9": "g"})
_LEET_HINT = re.compile(r"[a-z][0-9@$!|]|[0-9@$!|][a-z]")
_SPACE = re.compile(r"\s")
# Letters (or CJK characters) set apart by one separator each: "i g n o r e", "忽 略", "i.g.n.o.r.e".
_SPACED = re.compile(r"(?<![^\W_])((?:[^\W\d_][ .\-_*·]){2,}[^\W\d_])(?![^\W_])")
_B64 = re.compile(r"[A-Za-z0-9+/_-]{16,}={0,2}")
# The hint that a text holds a hex payload, read from a byte map of it (hex digit -> h, separator
# -> s, else .), so a long prompt costs one bytes.translate and three substring searches instead
# of a regex that tries every position.
_HEX_MAP = bytes(ord("h") if chr(b) in "0123456789abcdefABCDEF" else ord("s") if chr(b) in " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f:," else
                 ord(".") for b in range(256))
_HEX_ESCAPES = re.compile(r"(?:\\x[0-9a-fA-F]{2}){4}")


# non-ASCII whitespace to \s that NFKC leaves alone (the ASCII kinds are in the byte map)
_ODD_SPACE = dict.fromkeys([0x85, 0x2028, 0x2029], " ")


def _hex_hint(text: str) -> bool:
    if not text.isascii():
        text = text.translate(_ODD_SPACE)
    mapped = text.encode("ascii", "replace").translate(_HEX_MAP)
    return b"h" * 16 in mapped or b"hhs" * 7 in mapped or ("\\x" in text and _HEX_ESCAPES.search(text) is not None)

_HEX = re.compile(r"(?:(?:\\x|0x)?[0-9a-fA-F]{2}[\s:,]?){8,}")
_PCT_ONE = re.compile(r"%[0-9a-fA-F]{2}")
_MAX_DEPTH = 2  # payloads inside payloads (base64 of hex, ...), then stop


_COMMON = re.compile(r"\b(?:the|and|you|to|of|is|are|your|all|this|that|for|with|me|now|what|ignore|instructions?)\b")


_ROT_SAMPLE = 4000  # characters a text's rot13 reading is judged on
_ROT_HINT = re.compile(r"rot[\s_-]?13|caesar|凯撒|回转|rotat")


def _english_words(text: str) -> int:
    return len(_COMMON.findall(text))


def fold(text: str) -> str:
    """NFKC (fullwidth and compatibility forms become plain ones), invisible characters removed,
    look-alike letters folded inside mixed-script words."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    if not _OTHER_SCRIPT.search(text):  # the common case: no Greek or Cyrillic letter at all
        return text

    def unmix(m: re.Match[str]) -> str:
        word = m.group(0)
        if _LATIN.search(word) and _OTHER_SCRIPT.search(word):
            return word.translate(_CONFUSABLE)
        return word

    return _WORD.sub(unmix, text)


def _printable(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text or sum(ch.isprintable() or ch in "\n\t\r" for ch in text) < 0.9 * len(text):
        return None
    # words, or a further encoding (hex digits): not the binary noise a random match decodes to
    alnum = sum(ch.isalnum() for ch in text)
    return text if alnum >= max(4, len(text) // 2) else None


def decoded_payloads(text: str) -> list[str]:
    """Readable texts hidden in ``text`` as base64, hex or URL-encoding."""
    out: list[str] = []
    for m in _B64.finditer(text):
        chunk = m.group(0)
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                got = _printable(decode(chunk + "=" * (-len(chunk) % 4)))
            except (binascii.Error, ValueError):
                continue
            if got:
                out.append(got)
                break
    for m in (_HEX.finditer(text) if _hex_hint(text) else ()):
        digits = re.sub(r"\\x|0x|[\s:,]", "", m.group(0))
        if len(digits) % 2 == 0:
            try:
                got = _printable(bytes.fromhex(digits))
            except ValueError:
                got = None
            if got:
                out.append(got)
    if len(_PCT_ONE.findall(text)) >= 3:  # percent-escapes spread over the text: decode it whole
        out.append(unquote(text))
    return out


def _leet(lower: str) -> str | None:
    """``lower`` with leetspeak undone in the words that mix letters with digits or symbols (found
    from their letter-digit seams, so a long prompt costs one pass, not a callback per word)."""
    pieces, pos = [], 0
    for m in _LEET_HINT.finditer(lower):
        if m.start() < pos:
            continue
        start = max(pos, max(lower.rfind(c, pos, m.start()) for c in " \n\t\r") + 1)  # the word's start
        after = _SPACE.search(lower, m.end())
        end = after.start() if after else len(lower)
        pieces += [lower[pos:start], lower[start:end].translate(_LEET)]
        pos = end
    if not pieces:
        return None
    out = "".join(pieces) + lower[pos:]
    return out if out != lower else None


# A right-to-left override shows the characters after it reversed, up to its pop (or an isolate's
# end, or the line's end): text stored backwards reads forwards on screen, and to the model.
_RLO = re.compile("\u202e([^\u202c\u2069\n]*)")


# Quoted fragments glued with "+" ('dis' + 'regard' + ' prev' + 'ious'): the joined string is what
# a model assembles when asked to "combine the fragments".
_CONCAT = re.compile(r"""(?:(["'])((?:(?!\1).){0,40})\1\s*\+\s*){1,}(["'])((?:(?!\3).){0,40})\3""")
_PIECE = re.compile(r"""(["'])((?:(?!\1).){0,40})\1""")


def _joined(text: str) -> str:
    return _CONCAT.sub(lambda m: "".join(p.group(2) for p in _PIECE.finditer(m.group(0))), text)


def _as_displayed(text: str) -> str:
    return _RLO.sub(lambda m: m.group(1)[::-1], text)


def views(text: str, depth: int = 0) -> list[str]:
    """The folded text, lowercased, and each trick undone: the strings the rules scan."""
    base = fold(text)
    lower = base.lower()
    if "\u0307" in lower:  # "İ" lowercases to "i" and a combining dot, which would split the word
        lower = lower.replace("\u0307", "")
    found = [lower]
    if "\u202e" in text:
        found.append(fold(_as_displayed(text)).lower())
    if "+" in lower and _CONCAT.search(lower):
        found.append(_joined(lower))
    despaced = _SPACED.sub(lambda m: re.sub(r"[ .\-_*·]", "", m.group(1)), lower)
    if despaced != lower:
        found.append(despaced)
    leet = _leet(lower)
    if leet is not None:
        found.append(leet)
    if _LATIN.search(lower):
        # only for text that says it is rotated, or reads at least as well rotated (judged on its
        # start): a second full scan of every long prompt would double the rules' time
        sample = lower[:_ROT_SAMPLE]
        words = _english_words(codecs.decode(sample, "rot13"))
        if _ROT_HINT.search(lower) or (words and words >= _english_words(sample)):
            found.append(codecs.decode(lower, "rot13"))
    if depth < _MAX_DEPTH:
        for payload in decoded_payloads(base):
            found.extend(views(payload, depth + 1))
    return found
