"""Inline SVG charts drawn in Python, so the report needs no script, library or network.

Every string that reaches the markup passes through `esc`; geometry is computed here, so a
browser only has to draw. Text widths are estimated (a CJK character is about one em, Latin
about half), which is enough to truncate long names before they overrun a bar.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

FONT_SIZE = 13
BLUE, RED, AMBER, GREEN, GREY, LIGHT = (
    "#2563eb",
    "#dc2626",
    "#d97706",
    "#16a34a",
    "#6b7280",
    "#e5e7eb",
)


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Approximate rendered width: wide (CJK, full-width) characters one em, others ~0.6 em."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in text)


def fit(text: str, width: float, size: float = FONT_SIZE) -> str:
    """`text` cut with an ellipsis so that it fits in `width` pixels."""
    if text_width(text, size) <= width:
        return text
    out = ""
    for ch in text:
        if text_width(out + ch + "…", size) > width:
            break
        out += ch
    return out + "…"


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    value_text: str  # printed after the bar
    tooltip: str
    color: str = BLUE
    href: str | None = None
    sublabel: str | None = None  # printed after the label in grey, when there is room


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    scale_max: float | None = None,
    track: bool = False,
    width: int = 1160,
    label_width: int = 300,
    value_width: int = 170,
) -> str:
    """Horizontal bars, one per row, longest scale at `scale_max` (default: the largest bar).

    `track` draws the full scale behind each bar, for shares where 100% is the reference.
    """
    row, bar_h, top = 24, 16, 6
    height = top * 2 + row * len(bars)
    plot = width - label_width - value_width
    peak = scale_max if scale_max is not None else max((b.value for b in bars), default=0.0)
    parts = [_svg_open(width, height, title)]
    for n, bar in enumerate(bars):
        y = top + n * row
        length = plot * bar.value / peak if peak > 0 else 0.0
        body = [
            f"<title>{esc(bar.tooltip)}</title>",
            f'<text x="{label_width - 8}" y="{y + bar_h - 3}" text-anchor="end" '
            f'class="label">{_label(bar, label_width - 12)}</text>',
        ]
        if track:
            body.append(
                f'<rect x="{label_width}" y="{y}" width="{plot}" height="{bar_h}" '
                f'fill="{LIGHT}" rx="2"/>'
            )
        body.append(
            f'<rect x="{label_width}" y="{y}" width="{max(length, 1.0):.1f}" height="{bar_h}" '
            f'fill="{bar.color}" rx="2" class="bar"/>'
        )
        body.append(
            f'<text x="{label_width + (plot if track else length) + 6:.1f}" y="{y + bar_h - 3}" '
            f'class="value">{esc(bar.value_text)}</text>'
        )
        inner = "".join(body)
        if bar.href:
            parts.append(f'<a href="#{esc(bar.href)}"><g class="row">{inner}</g></a>')
        else:
            parts.append(f'<g class="row">{inner}</g>')
    parts.append("</svg>")
    return "".join(parts)


def _label(bar: Bar, width: float) -> str:
    """The bar's label, then its sublabel in a lighter tone if both fit; the label wins."""
    if bar.sublabel:
        both = fit(f"{bar.label} · {bar.sublabel}", width)
        head = f"{bar.label} · "
        if both.startswith(head) and len(both) > len(head) + 2:
            return f'{esc(bar.label)}<tspan class="sub"> · {esc(both[len(head) :])}</tspan>'
    return esc(fit(bar.label, width))


@dataclass(frozen=True, slots=True)
class Curve:
    points: Sequence[tuple[float, float]]  # (month 0..12, cumulative percent 0..100)
    tooltip: str
    color: str = BLUE
    href: str | None = None


def plan_chart(
    curves: Sequence[Curve],
    *,
    title: str,
    width: int = 1160,
    height: int = 380,
    small: bool = False,
    straight_tip: str = "straight line: 0% at 年初 to 100% at 12月底",
) -> str:
    """Cumulative spending plans against the straight line from 0% in January to 100% in
    December. `small` draws a sparkline for a table cell: no axes, no labels. `straight_tip`
    is the straight line's tooltip, in the report's language."""
    left, right, top, bottom = (2, 2, 2, 2) if small else (48, 40, 12, 30)
    plot_w, plot_h = width - left - right, height - top - bottom
    y_max = max([100.0] + [y for c in curves for _, y in c.points])

    def pos(month: float, pct: float) -> tuple[float, float]:
        return left + plot_w * month / 12, top + plot_h * (1 - pct / y_max)

    def xy(month: float, pct: float) -> str:
        x, y = pos(month, pct)
        return f"{x:.1f},{y:.1f}"

    parts = [_svg_open(width, height, title, "spark" if small else "chart")]
    if not small:
        for pct in (0, 25, 50, 75, 100):
            y = top + plot_h * (1 - pct / y_max)
            parts.append(
                f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" '
                f'stroke="{LIGHT}"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" '
                f'class="axis">{pct}%</text>'
            )
        for month in (0, 3, 6, 9, 12):
            x = left + plot_w * month / 12
            parts.append(
                f'<text x="{x:.1f}" y="{height - 10}" text-anchor="middle" class="axis">'
                f"{'年初' if month == 0 else f'{month}月底'}</text>"
            )
    else:
        parts.append(
            f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" '
            f'stroke="{LIGHT}"/>'
        )
    parts.append(
        f'<polyline points="{xy(0, 0)} {xy(12, 100)}" fill="none" stroke="{GREY}" '
        f'stroke-dasharray="5 4" stroke-width="1.5" class="straight"><title>'
        f"{esc(straight_tip)}</title></polyline>"
    )
    for curve in curves:
        points = " ".join(xy(m, p) for m, p in [(0.0, 0.0), *curve.points])
        line = (
            f'<polyline points="{points}" fill="none" stroke="{curve.color}" '
            f'stroke-width="{1.5 if small else 2}" stroke-opacity="{1 if small else 0.55}" '
            f'class="curve"><title>{esc(curve.tooltip)}</title></polyline>'
        )
        if not small:
            for at_month, at_pct in curve.points:
                x, y = pos(at_month, at_pct)
                line += f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{curve.color}"/>'
        parts.append(f'<a href="#{esc(curve.href)}">{line}</a>' if curve.href else line)
    parts.append("</svg>")
    return "".join(parts)


def _svg_open(width: int, height: int, title: str, kind: str = "chart") -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{kind}" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="{esc(title)}"><title>{esc(title)}</title>'
    )
