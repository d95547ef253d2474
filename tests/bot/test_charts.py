"""The chart: its texts read from the figure before it is saved, then the PNG checked with PIL."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from matplotlib.patches import Rectangle
from matplotlib.text import Text
from PIL import Image

from bot.charts import figure_png, pixel_size, summary_chart, summary_figure
from storage.reports import UnitSummary

TODAY = dt.date(2026, 4, 2)
UNITS = [
    UnitSummary(unit="Ban Dân vận Tỉnh ủy", done_on_time=3, done_late=1, in_progress=2, overdue=1, no_deadline=2),
    UnitSummary(unit="Sở Nông nghiệp và Phát triển nông thôn", in_progress=4, overdue=3),
    UnitSummary(unit="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", no_deadline=5, no_deadline_done=2),
]


def texts_of(units: list[UnitSummary], scope: str = "") -> list[str]:
    fig = summary_figure(units, TODAY, scope)
    fig.canvas.draw()  # tick labels exist once drawn
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def test_labels_are_vietnamese_with_full_diacritics() -> None:
    found = texts_of(UNITS, "Phạm vi: tháng 3/2026")
    joined = "\n".join(found)
    assert "Tình hình thực hiện nhiệm vụ theo đơn vị (đến ngày 02/04/2026)\nPhạm vi: tháng 3/2026" in found
    for legend in ("Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang thực hiện trong hạn", "Quá hạn chưa hoàn thành",
                   "Không có thời hạn"):
        assert legend in found
    assert "Ban Dân vận Tỉnh ủy" in found
    assert "Sở Nông nghiệp và Phát triển nông\nthôn" in found, "long names wrap onto two lines"
    assert "Số nhiệm vụ" in found
    assert "9" in found and "7" in found and "5" in found, "each unit's total at the end of its bar"
    assert "Ủy ban Mặt trận Tổ quốc Việt Nam\ntỉnh" in joined


def test_bars_are_stacked_per_unit() -> None:
    fig = summary_figure(UNITS, TODAY)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0]
    # Ban Dân vận: 3 + 1 + 2 + 1 + 2, ending at 9
    first = sorted((b for b in bars if abs(b.get_y() + b.get_height() / 2) < 1e-9), key=lambda b: b.get_x())
    assert [(b.get_x(), b.get_width()) for b in first] == [(0, 3), (3, 1), (4, 2), (6, 1), (7, 2)]
    assert [round(b.get_facecolor()[0], 2) for b in first][:1] == [round(0x4C / 255, 2)]  # green first


def test_a_unit_that_only_supports_has_no_row() -> None:
    # its tasks are the lead unit's to answer for: counted apart in the text and the Excel, not charted as nothing
    units = [*UNITS, UnitSummary(unit="Sở Tài chính", supporting=2, supporting_refs=["1", "2"])]
    labels = [t.get_text() for t in summary_figure(units, TODAY).axes[0].get_yticklabels()]
    assert len(labels) == 3 and "Sở Tài chính" not in labels


def test_png_has_the_expected_size(tmp_path: Path) -> None:
    data = summary_chart(UNITS, TODAY)
    path = tmp_path / "chart.png"
    path.write_bytes(data)
    assert path.stat().st_size > 10_000
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == pixel_size(3) == (1100, 350)


def test_thirty_units_stay_readable() -> None:
    units = [UnitSummary(unit=f"Ủy ban nhân dân huyện số {i}", done_on_time=i % 4, overdue=i % 3, in_progress=1)
             for i in range(30)]
    fig = summary_figure(units, TODAY)
    with Image.open(io.BytesIO(figure_png(fig))) as image:
        assert image.size == pixel_size(30) == (1100, 1480)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0] == "Ủy ban nhân dân huyện số 0" and len(labels) == 30
    assert all(t.get_fontsize() >= 9 for t in fig.axes[0].get_yticklabels())


def test_no_units_still_draws() -> None:
    with Image.open(io.BytesIO(summary_chart([], TODAY))) as image:
        assert image.size == pixel_size(0)


def test_a_long_scope_stays_inside_the_picture() -> None:
    """Probe 41, #8: "/tonghop tháng 12"'s scope, one line wider than the image, was cut at both edges."""
    scope = "tháng 12/2026 (nhiệm vụ được giao, đến hạn, quá hạn chưa hoàn thành hoặc hoàn thành trong khoảng này)"
    fig = summary_figure(UNITS, TODAY, scope)
    fig.canvas.draw()
    title = next(t for t in fig.findobj(Text) if "tháng 12/2026" in t.get_text())
    extent = title.get_window_extent(fig.canvas.get_renderer())  # type: ignore[attr-defined]
    margin = 0.04 * fig.bbox.width  # (a glyph's ink runs past its box: a line as wide as the image is cut)
    assert margin <= extent.x0 and extent.x1 <= fig.bbox.x1 - margin, (extent, fig.bbox)
    assert " ".join(title.get_text().split()).endswith("hoàn thành trong khoảng này)"), title.get_text()
