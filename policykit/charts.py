"""A briefing's charts as SVG text, drawn with matplotlib (the optional `brief` extra), byte for byte the same on
every run: a fixed hash salt for element ids, no date or creator in the metadata, text kept as text (so the bytes
do not depend on which font files are installed) and fixed sizes and fonts.

Charts draw what `policykit.briefing` computed (`StepSeries`, `CaseBar`); they decide nothing.
"""

from __future__ import annotations

import io
import re
import textwrap
from typing import TYPE_CHECKING, Any, cast

from policykit._gettext import translator
from policykit.briefing import Briefing, PointKind, StepPoint, _day

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_RC: dict[str, Any] = {
    "svg.hashsalt": "policykit",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "path.simplify": False,
}
#: Fonts for the glyphs DejaVu Sans lacks, by briefing language (matplotlib falls back to them glyph by glyph to
#: measure the text; the SVG keeps text as text, and the HTML's styles choose the fonts that draw it).
_CJK_FONTS = {"zh": "Noto Sans CJK SC", "ko": "Noto Sans CJK KR"}
_COLOURS = ("#1b6ca8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#7f8c8d", "#16a085", "#b7950b")


def _rc(lang: str) -> dict[str, Any]:
    fallback = _CJK_FONTS.get(lang)
    return _RC if fallback is None else {**_RC, "font.family": ["DejaVu Sans", fallback]}


_IDS = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')
_ANCHOR = re.compile(r'(style="[^"]*text-anchor: (start|middle|end)[^"]*")')


def _svg(figure: Figure, prefix: str) -> str:
    """The figure as SVG text, every element id prefixed: two charts inline in one HTML page must not share ids
    (matplotlib numbers them the same way in every figure, and a clip path would be taken from the other chart)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    ids = set(re.findall(r'\bid="([^"]+)"', text))
    text = _IDS.sub(lambda found: f"{found[1]}{prefix}-{found[2]}" if found[2] in ids else found[0], text)
    # The alignment as an attribute too: WeasyPrint (PDF) reads `text-anchor` only there, not in `style`.
    return _ANCHOR.sub(r'text-anchor="\2" \1', text)


def _figure() -> Figure:
    from matplotlib.figure import Figure  # only the object API: no pyplot, no global figure state

    return Figure(figsize=(7.0, 3.2), dpi=72)


def _height(point: StepPoint, top: float) -> float:
    """Life imprisonment is drawn at the top of the axis; detention (days, not imprisonment) at 0."""
    return top if point.kind is PointKind.LIFE else point.months


def penalty_steps_svg(briefing: Briefing) -> str:
    """The case's maximum imprisonment (months) over time, one step line per jurisdiction, events marked."""
    import matplotlib

    _ = translator(briefing.lang)
    with matplotlib.rc_context(cast(Any, _rc(briefing.lang))):
        figure = _figure()
        axes: Axes = figure.add_subplot()
        top = max([point.months for series in briefing.steps for point in series.points] + [12.0]) * 1.15
        for index, series in enumerate(briefing.steps):
            if not series.points:
                continue
            days = [point.on for point in series.points] + [briefing.on]
            heights = [_height(point, top) for point in series.points]
            heights.append(heights[-1])
            colour = _COLOURS[index % len(_COLOURS)]
            axes.step(days, heights, where="post", color=colour, label=series.jurisdiction, linewidth=1.8)  # type: ignore[arg-type]
            for point in series.points:
                if point.kind is PointKind.DETENTION:
                    axes.annotate(
                        _("{days} days' detention").format(days=point.days),
                        (point.on, 0),
                        xytext=(2, 4 + 10 * index),
                        textcoords="offset points",
                        fontsize=7,
                        color=colour,
                    )
        for event in briefing.events:
            axes.axvline(event.started_on, color="#555555", linestyle=":", linewidth=1)  # type: ignore[arg-type]
            axes.annotate(
                event.name.best(briefing.lang),
                (event.started_on, top),
                rotation=90,
                va="top",
                ha="right",
                fontsize=7,
                color="#555555",
            )
        axes.set_ylim(0, top)
        start = min([point.on for series in briefing.steps for point in series.points] + [briefing.on])
        axes.set_xlim(start, briefing.on)  # type: ignore[arg-type]
        axes.set_ylabel(_("Maximum imprisonment (months)"))
        axes.set_title(_("Maximum penalty for the case over time"))
        axes.legend(loc="upper left", frameon=False)
        figure.tight_layout()
        return _svg(figure, "over-time")


def case_bars_svg(briefing: Briefing) -> str:
    """The case's maxima side by side: imprisonment in months; detention labelled in days, as what it is."""
    import matplotlib

    _ = translator(briefing.lang)
    with matplotlib.rc_context(cast(Any, _rc(briefing.lang))):
        figure = _figure()
        axes: Axes = figure.add_subplot()
        top = max([bar.point.months for bar in briefing.bars] + [12.0]) * 1.2
        codes = [bar.jurisdiction for bar in briefing.bars]
        heights = [_height(bar.point, top) for bar in briefing.bars]
        colours = [_COLOURS[index % len(_COLOURS)] for index in range(len(codes))]
        axes.bar(codes, heights, color=colours, width=0.6)
        for index, bar in enumerate(briefing.bars):
            axes.annotate(
                # Wrapped: a long label ("administrative detention up to 5 days / ...") would spill past the axis.
                "\n".join(textwrap.wrap(bar.label, 26)),
                (index, heights[index]),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                fontsize=7,
            )
        axes.set_ylim(0, top)
        axes.set_ylabel(_("Maximum imprisonment (months)"))
        axes.set_title(_("The case's maximum penalty on {date}").format(date=_day(briefing.on, briefing.lang)))
        figure.tight_layout()
        return _svg(figure, "maxima")
