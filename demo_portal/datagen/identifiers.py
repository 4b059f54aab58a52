"""Russian identifiers with valid check digits, so validators in the app accept them."""

from __future__ import annotations

import random


def snils(rng: random.Random) -> str:
    """СНИЛС as 11 digits: 9-digit number + control sum (weights 9..1, mod 101)."""
    while True:
        body = [rng.randint(0, 9) for _ in range(9)]
        if body[0] != 0:
            break
    total = sum(d * w for d, w in zip(body, range(9, 0, -1), strict=True))
    if total > 101:
        total %= 101
    check = 0 if total in (100, 101) else total
    return "".join(map(str, body)) + f"{check:02d}"


def format_snils(value: str) -> str:
    return f"{value[0:3]}-{value[3:6]}-{value[6:9]} {value[9:11]}"


def luhn_digit(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def oms_policy(rng: random.Random, region_prefix: str = "77") -> str:
    """Единый номер полиса ОМС нового образца: 16 digits, last one a Luhn check digit."""
    body = region_prefix + "".join(str(rng.randint(0, 9)) for _ in range(13))
    return body + str(luhn_digit(body))


def ogrn(rng: random.Random, region: str = "77") -> str:
    """ОГРН (13 digits): the check digit is (first 12 digits mod 11) mod 10."""
    body = (
        "1"
        + f"{rng.randint(2, 24):02d}"
        + region
        + "".join(str(rng.randint(0, 9)) for _ in range(7))
    )
    return body + str(int(body) % 11 % 10)


def inn_legal(rng: random.Random, region: str = "77") -> str:
    """ИНН of an organisation (10 digits) with its weighted check digit."""
    body = region + "".join(str(rng.randint(0, 9)) for _ in range(7))
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    check = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11 % 10
    return body + str(check)


def phone(rng: random.Random, city_code: str = "495") -> str:
    return f"+7 ({city_code}) {rng.randint(200, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"


def mobile(rng: random.Random) -> str:
    return f"+7 (9{rng.randint(10, 99)}) {rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"
