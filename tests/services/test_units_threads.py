"""Lab series are built on two read threads at once (issue 11's read pool): pint's
registry, whose contexts change shared state, must give every thread the right answer."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from desktop.services import units

GLUCOSE = "2345-7"


def _convert_many(n: int) -> list[float]:
    out = []
    for i in range(n):
        # a context conversion (moles <-> mass) and a plain one, interleaved
        out.append(round(units.convert(90.0 + i % 3, "mg/dL", "mmol/L", GLUCOSE), 6))
        out.append(round(units.convert(1.0, "mg/dL", "g/L"), 6))
    return out


def test_conversions_on_many_threads_agree_with_one_thread() -> None:
    expected = _convert_many(300)
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(_convert_many, [300] * 12))
    assert all(r == expected for r in results)
    assert expected[0] == round(90.0 / 18.016, 6)  # 90 mg/dL of glucose is 5.0 mmol/L
