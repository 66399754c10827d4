"""PII and secret detectors: a pattern that finds candidates and, where the data has one, the check
that tells a real identifier from a number that looks like one (Luhn for cards, mod-97 for IBANs,
the check digit of a Chinese resident ID, SSN area rules, phonenumbers' validation).

Each detector's pattern is written for the ``regex`` module so a stream can ask whether the text
it holds could still grow into a match (``partial=True``); ``max_len`` bounds how much it holds.
"""
from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import phonenumbers
import regex


@dataclass(frozen=True, slots=True)
class Detector:
    name: str
    pattern: regex.Pattern
    valid: Callable[[str], bool]
    max_len: int


def _luhn(text: str) -> bool:
    digits = [int(c) for c in text if c.isdigit()]
    if not 13 <= len(digits) <= 19 or len(set(digits)) == 1:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _iban(text: str) -> bool:
    s = "".join(text.split()).upper()
    if not 15 <= len(s) <= 34:
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


_CN_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _cn_id(text: str) -> bool:
    s = text.upper()
    try:
        date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    check = "10X98765432"[sum(int(c) * w for c, w in zip(s[:17], _CN_WEIGHTS)) % 11]
    return s[17] == check


def _ssn(text: str) -> bool:
    area, group, serial = text[:3], text[4:6], text[7:]
    return area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"


def _phone(text: str) -> bool:
    if sum(c.isdigit() for c in text) < 7:  # years, counts, short codes: parsing them costs ~5 ms each
        return False
    for region in (None, "US", "CN", "GB", "DE", "FR", "IN"):
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


def _ip(text: str) -> bool:
    try:
        addr = ipaddress.ip_address(text)
    except ValueError:
        return False
    return not (addr.version == 4 and text.count(".") != 3)


def _always(_: str) -> bool:
    return True


def _d(name: str, pattern: str, valid: Callable[[str], bool], max_len: int) -> Detector:
    return Detector(name, regex.compile(pattern, regex.V1), valid, max_len)


_NOT_WORD_BEFORE = r"(?<![\w@.+-])"
DETECTORS: dict[str, Detector] = {d.name: d for d in (
    _d("email", _NOT_WORD_BEFORE + r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}"
       r"(?![\w-])", _always, 254),
    _d("credit_card", r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])", _luhn, 23),
    _d("iban", r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])", _iban, 42),
    _d("cn_resident_id", r"(?<!\d)\d{17}[\dXx](?![\dXx])", _cn_id, 18),
    _d("us_ssn", r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])", _ssn, 11),
    _d("phone", r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]?\d{2,4}){1,4}(?![\w])",
       _phone, 24),
    _d("ip_address", r"(?<![\w.:])(?:(?:\d{1,3}\.){3}\d{1,3}|(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|"
       r"(?:[0-9A-Fa-f]{1,4}:){1,7}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?)(?![\w:]|\.\d)", _ip, 39),
    _d("api_key", r"(?<![\w-])(?:sk-(?:proj-|ketch-|ant-)?[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|"
       r"github_pat_[A-Za-z0-9_]{22,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|"
       r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})(?![\w-])", _always, 200),
    _d("private_key", r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----[\s\S]{0,8000}?-----END (?:[A-Z]+ )?PRIVATE KEY-----",
       _always, 8100),
)}
