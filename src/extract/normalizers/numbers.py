"""Amounts, percentages and spending-plan months as printed in project tables.

Every parser here returns None for text it cannot read instead of raising: a document with one
odd cell must still yield its other rows, and validation reports the gap.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from extract.normalizers import vocab

__all__ = [
    "ProseAmount",
    "amount_unit",
    "label_amount_unit",
    "parse_amount",
    "parse_amount_text",
    "parse_month",
    "parse_percent",
    "prose_amounts",
    "to_yuan",
]

_CENT = Decimal("0.01")

# ASCII digits only: `\d` would also accept other scripts' digits, which no document uses.
_AMOUNT = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_PERCENT = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_SPACE = re.compile(r"\s+")


def _longest_first(words: Iterable[str]) -> list[str]:
    return sorted(words, key=len, reverse=True)


_AMOUNT_UNIT_WORDS = _longest_first(vocab.AMOUNT_UNITS)
_UNIT_LINE = re.compile(
    r"(?:"
    + "|".join(re.escape(label) for label in _longest_first(vocab.UNIT_LABELS))
    + r")\s*(?:[:：]\s*|[（(]\s*(?=(?:"
    + "|".join(re.escape(unit) for unit in _AMOUNT_UNIT_WORDS)
    + r")\s*[）)]))(?P<unit>"
    + "|".join(re.escape(unit) for unit in _AMOUNT_UNIT_WORDS)
    + r")"
)


def _compact(text: str) -> str:
    """Fold full-width digits and punctuation (`１２．５`, `％`) and drop all whitespace."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _to_cents(value: Decimal) -> Decimal:
    """Round half up to cents with enough precision that large values never trap."""
    with localcontext() as ctx:
        ctx.prec = max(28, value.adjusted() + 4)
        return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def parse_amount(text: str) -> Decimal | None:
    """The amount in a budget cell, keeping its printed precision (`6.00` stays `6.00`).

    A trailing amount unit (`11.03万元`) is dropped: the unit is read separately from the
    table's `单位：` line. Placeholders such as `-`, `—` and `无` mean "no amount", so None.
    """
    compact = _compact(text)
    for unit in _AMOUNT_UNIT_WORDS:
        if compact.endswith(unit):
            compact = compact[: -len(unit)]
            break
    if not _AMOUNT.fullmatch(compact):
        return None
    return Decimal(compact.replace(",", ""))


def amount_unit(text: str) -> str | None:
    """The amount unit printed in a `单位：万元` style line, or None when there is none."""
    found = _UNIT_LINE.search(text)
    return found["unit"] if found is not None else None


def to_yuan(amount: Decimal, unit: str | None) -> Decimal:
    """Convert to yuan, in cents; a missing unit means the amount is already in yuan.

    Raises ValueError for a unit outside `vocab.AMOUNT_UNITS` or a non-finite amount: a silent
    wrong conversion would be worse than a loud one.
    """
    multiplier = vocab.AMOUNT_UNITS.get("元" if unit is None else unit.strip())
    if multiplier is None:
        raise ValueError(f"unknown amount unit: {unit!r}")
    if not amount.is_finite():
        raise ValueError(f"amount is not a finite number: {amount}")
    return _to_cents(amount * multiplier)


def parse_percent(text: str) -> Decimal | None:
    """A spending-plan percentage as the number printed: `20%` and `20` both give 20.00.

    A bare number is read as already in percent, never as a fraction, because the tables print
    `100` for `100%` but never `1`.
    """
    compact = _compact(text).removesuffix("%")
    if not _PERCENT.fullmatch(compact):
        return None
    try:
        return _to_cents(Decimal(compact))
    except InvalidOperation:
        return None


_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# The month a period ends in is the last month named: `1-3月` and `1月-3月` end in March.
_MONTH = re.compile(r"(?<![0-9])(?P<n>[0-9]{1,2})月|(?P<cn>十[一二]?|[一二三四五六七八九])月")
_PERIOD_WORDS = _longest_first(vocab.PERIOD_MONTHS)


def _cn_month(numeral: str) -> int:
    if numeral.startswith("十"):
        return 10 + _CN_DIGITS.get(numeral[1:], 0)
    return _CN_DIGITS[numeral]


def parse_month(period: str) -> int | None:
    """The month (1-12) a spending-plan period ends in, or None when it names none.

    An explicit month wins over period words, so `上半年（6月底）` reads 6 from the month.
    """
    compact = _compact(period)
    months = [
        int(m["n"]) if m["n"] is not None else _cn_month(m["cn"]) for m in _MONTH.finditer(compact)
    ]
    if months:
        return months[-1] if 1 <= months[-1] <= 12 else None
    for word in _PERIOD_WORDS:
        if word in compact:
            return vocab.PERIOD_MONTHS[word]
    return None


# --- amounts with their own unit --------------------------------------------------------------

# Every printed amount unit (canonical and abbreviated) -> canonical unit, longest first, so
# `万元` is never read as `万` followed by `元`.
_UNIT_OF: dict[str, str] = {u: u for u in vocab.AMOUNT_UNITS} | dict(vocab.AMOUNT_UNIT_ALIASES)
_UNIT_ALTERNATION = "|".join(re.escape(u) for u in _longest_first(_UNIT_OF))
_LEADING_AMOUNT = re.compile(
    r"(?P<num>[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)"
    rf"(?P<unit>{_UNIT_ALTERNATION})?"
)
# What may follow a leading amount: the end, a parenthetical breakdown, or a clause separator
# that is not a thousands separator (`6923.3552万元(其中:…)`, `250万;…`).
_BREAKDOWN_OPENERS = frozenset("([【")
_CLAUSE_SEPARATORS = frozenset(";,、。")
_BRACKETED_UNIT = re.compile(rf"[(\[【]\s*(?P<unit>{_UNIT_ALTERNATION})\s*[)\]】]")


def parse_amount_text(text: str) -> tuple[Decimal | None, str | None]:
    """The amount a budget cell prints and the unit printed with it, if any.

    Forms print the unit in the cell as often as in a `单位：` line (`10000万元`, `250万`), and
    some append the breakdown (`6923.3552万元(其中:上级财政资金:…)`): the leading amount is the
    cell's amount. The printed precision is kept. Placeholders and prose give (None, None).
    """
    compact = _compact(text)
    found = _LEADING_AMOUNT.match(compact)
    if found is None:
        return None, None
    rest = compact[found.end() :]
    if rest and not (
        rest[0] in _BREAKDOWN_OPENERS or (rest[0] in _CLAUSE_SEPARATORS and not rest[1:2].isdigit())
    ):
        return None, None
    try:
        amount = Decimal(found["num"].replace(",", ""))
    except InvalidOperation:
        return None, None
    unit = found["unit"]
    return amount, _UNIT_OF[unit] if unit else None


def label_amount_unit(label: str) -> str | None:
    """The amount unit a label or group label names (`中期市财政预算(万元)`, `投入目标(万元)`).

    A `单位：万元` inside the label counts too. None when the label names no unit.
    """
    compact = _compact(label)
    found = _BRACKETED_UNIT.search(compact)
    if found is not None:
        return _UNIT_OF[found["unit"]]
    return amount_unit(compact)


@dataclass(frozen=True, slots=True)
class ProseAmount:
    """An amount found in running text; `start`/`end` index the text as given."""

    value: Decimal
    unit: str
    start: int
    end: int


_DIGITS = "0-9\uff10-\uff19"
_NON_MONEY_AFTER_WAN = "|".join(
    re.escape(u) for u in _longest_first(u for u in vocab.VALUE_UNITS if u not in _UNIT_OF)
)
_AFTER_ALIAS = "|".join(f"(?<={re.escape(alias)})" for alias in vocab.AMOUNT_UNIT_ALIASES)
_PROSE_AMOUNT = re.compile(
    rf"(?<![{_DIGITS}.,．])(?P<num>(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[{_DIGITS}]+)"
    rf"(?:[.．][{_DIGITS}]+)?)\s*(?P<unit>{_UNIT_ALTERNATION})"
    # `3万人`, `5万亩` count things, not money: `万` alone is 万元 only before other words.
    rf"(?!(?:{_AFTER_ALIAS})(?:{_NON_MONEY_AFTER_WAN}))"
)


def prose_amounts(text: str) -> list[ProseAmount]:
    """Every number directly followed by a money unit in running text, in order.

    Narrative sheets state budgets in sentences (`项目总预算1720.00万，其中人员经费300万元`);
    which amount is the total is the caller's decision, so all are returned with positions.
    Numbers followed by anything else (`2025年度`, `95%`) are not amounts.
    """
    amounts: list[ProseAmount] = []
    for found in _PROSE_AMOUNT.finditer(text):
        digits = unicodedata.normalize("NFKC", found["num"]).replace(",", "")
        try:
            value = Decimal(digits)
        except InvalidOperation:
            continue
        amounts.append(ProseAmount(value, _UNIT_OF[found["unit"]], found.start(), found.end()))
    return amounts
