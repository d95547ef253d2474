"""The summary as a picture a leader can glance at: per unit, a horizontal stacked bar of
done on time / done late / in progress / overdue / no deadline. Rendered off-screen with
matplotlib's Agg canvas (no pyplot, no global state: safe in a worker thread), in DejaVu
Sans, which matplotlib ships and which has every Vietnamese letter. Pure: rows in, PNG out."""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from collections.abc import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.texts import vn
from storage.reports import CATEGORIES, UnitSummary

FONT = "DejaVu Sans"
DPI = 100
WIDTH_IN = 11.0
ROW_IN = 0.42  # height of one unit's bar, inches
FRAME_IN = 2.2  # title, legend and axis, inches
LABEL_WIDTH = 34  # characters per line of a unit's name
SCOPE_WIDTH = 80  # characters per line of the scope under the title (13 pt bold in 11 inches)
SERIES = {
    "done_on_time": ("Hoàn thành đúng hạn", "#4CAF50"),
    "done_late": ("Hoàn thành quá hạn", "#FF9800"),
    "in_progress": ("Đang thực hiện trong hạn", "#42A5F5"),
    "overdue": ("Quá hạn chưa hoàn thành", "#E53935"),
    "no_deadline": ("Không có thời hạn", "#BDBDBD"),
}


def chart_title(today: dt.date) -> str:
    return vn(f"Tình hình thực hiện nhiệm vụ theo đơn vị (đến ngày {today:%d/%m/%Y})")


def figure_size(unit_count: int) -> tuple[float, float]:
    """Inches: the width is fixed; each unit adds a row (names of two lines fit in it)."""
    return WIDTH_IN, round(FRAME_IN + ROW_IN * max(unit_count, 1), 1)


def pixel_size(unit_count: int) -> tuple[int, int]:
    width, height = figure_size(unit_count)
    return round(width * DPI), round(height * DPI)


def summary_figure(units: Sequence[UnitSummary], today: dt.date, scope: str = "") -> Figure:
    """The chart as a matplotlib Figure (tests read its texts before it is saved)."""
    # a unit that only supports here leads nothing to chart (the lead unit answers for those tasks): no empty row
    units = [u for u in units if u.total or not u.supporting]
    fig = Figure(figsize=figure_size(len(units)), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    names = [textwrap.fill(u.unit, LABEL_WIDTH, max_lines=2, placeholder="…") for u in units]
    positions = list(range(len(units)))
    lefts = [0] * len(units)
    longest = max((u.total for u in units), default=0)
    for category in CATEGORIES:
        label, colour = SERIES[category]
        values = [getattr(u, category) for u in units]
        bars = ax.barh(positions, values, left=lefts, color=colour, label=vn(label), height=0.7,
                       edgecolor="white", linewidth=0.6)
        # the count inside each segment wide enough to hold it
        ax.bar_label(bars, labels=[str(v) if v and v >= 0.04 * longest else "" for v in values],
                     label_type="center", fontsize=8, fontfamily=FONT)
        lefts = [a + b for a, b in zip(lefts, values, strict=True)]
    for y, total in zip(positions, lefts, strict=True):
        ax.text(total + max(longest, 1) * 0.01, y, str(total), va="center", fontsize=8, fontfamily=FONT,
                fontweight="bold")
    ax.set_yticks(positions, labels=names, fontfamily=FONT, fontsize=9)
    ax.invert_yaxis()  # the first unit on top
    ax.set_ylim(len(units) - 0.5, -0.5) if units else None
    ax.set_xlim(0, max(longest, 1) * 1.08)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(vn("Số nhiệm vụ"), fontfamily=FONT)
    ax.grid(axis="x", linestyle=":", alpha=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    # the scope on lines that fit the width (probe 41, #8: one long line was cut at both edges)
    title = chart_title(today) + (f"\n{textwrap.fill(vn(scope), SCOPE_WIDTH)}" if scope else "")
    fig.suptitle(title, fontfamily=FONT, fontsize=13, fontweight="bold")
    fig.legend(loc="outside lower center", ncols=len(CATEGORIES), fontsize=8.5, frameon=False,
               prop={"family": FONT, "size": 8.5})
    return fig


def figure_png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, facecolor="white")
    return buf.getvalue()


def summary_chart(units: Sequence[UnitSummary], today: dt.date, scope: str = "") -> bytes:
    return figure_png(summary_figure(units, today, scope))
