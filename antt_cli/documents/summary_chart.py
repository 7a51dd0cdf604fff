"""The chart of the báo cáo (`antt summary -o FILE.docx`): the models per grade and area as
grouped bars, one colour per grade — the same chart as the workbook's (documents/summary_xlsx.py)
— drawn by matplotlib (Agg, no display) at print resolution with Vietnamese labels.

Deterministic: no timestamp or software name in the PNG, fixed font and size."""
from __future__ import annotations

import io
from typing import Mapping, Sequence

from antt_cli.documents.summary_xlsx import GRADE_COLOURS
from antt_cli.domain.rating import GRADE_TITLES, GRADES
from antt_cli.i18n import t_vi

DPI = 300                    # print resolution
SIZE_IN = (6.3, 3.4)         # 16 × 8.6 cm: the text width of an NĐ 30 page (16.5 cm)
# DejaVu Sans ships with matplotlib and has every Vietnamese letter (Times New Roman may be absent).
FONT = "DejaVu Sans"


def _wrapped(label: str, width: int = 16) -> str:
    """An area's name on short lines under its bars."""
    import textwrap

    return "\n".join(textwrap.wrap(label, width)) or label


def chart_png(year: int, by_area: Mapping[str, Mapping[str, int]]) -> bytes:
    """PNG bytes: one group of bars per area, one bar per grade (Tốt, Khá, Trung bình, Yếu)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    areas: Sequence[str] = list(by_area)
    with matplotlib.rc_context({"font.family": FONT, "font.size": 8, "svg.hashsalt": "antt",
                                "path.simplify": False}):
        fig, ax = plt.subplots(figsize=SIZE_IN, dpi=DPI)
        try:
            width = 0.8 / len(GRADES)
            for i, grade in enumerate(GRADES):
                xs = [n + (i - (len(GRADES) - 1) / 2) * width for n in range(len(areas))]
                values = [by_area[a].get(grade, 0) for a in areas]
                bars = ax.bar(xs, values, width, label=GRADE_TITLES[grade], color="#" + GRADE_COLOURS[grade])
                ax.bar_label(bars, labels=[str(v) if v else "" for v in values], fontsize=7, padding=1)
            ax.set_xticks(range(len(areas)), [_wrapped(a) for a in areas])
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_ylabel(t_vi("documents.summary.axis.count"))
            ax.set_title(t_vi("documents.summary.title.chart", year=year), fontsize=9, fontweight="bold")
            ax.spines[["top", "right"]].set_visible(False)
            ax.legend(frameon=False, ncols=len(GRADES), loc="upper center", bbox_to_anchor=(0.5, -0.18))
            fig.tight_layout()
            out = io.BytesIO()
            fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
            return out.getvalue()
        finally:
            plt.close(fig)
