"""The in-process ingest rate meter: per-second counts, averaged over the window."""

from __future__ import annotations

from mystocks.market.meter import InProcessMeter


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_rate_is_the_rows_of_the_window_over_its_length():
    clock = Clock(1_000.2)
    meter = InProcessMeter(window=60, clock=clock)
    assert meter.rate() == 0
    meter.add(300)
    clock.now = 1_010.9
    meter.add(900)
    meter.add(0)
    meter.add(-5)  # nothing written, nothing counted
    assert meter.rate() == 1200 / 60
    clock.now = 1_059.99  # second 1059 still holds second 1000 in its window
    assert meter.rate() == 1200 / 60
    clock.now = 1_060.0  # second 1000 has left the window
    assert meter.rate() == 900 / 60
    clock.now = 1_070.0
    assert meter.rate() == 0


def test_old_seconds_are_forgotten():
    clock = Clock(0.0)
    meter = InProcessMeter(window=5, clock=clock)
    for second in range(100):
        clock.now = float(second)
        meter.add(1)
    assert meter.rate() == 5 / 5
    assert len(meter._counts) <= 6  # memory stays bounded by the window
