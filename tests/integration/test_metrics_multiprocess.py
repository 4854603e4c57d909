"""`PROMETHEUS_MULTIPROC_DIR`: every process's counts are summed in one scrape.

Run in subprocesses: prometheus_client picks its value store when it is imported, and this
test process imported it long ago without the variable.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

COUNT = """
from mystocks import metrics
metrics.HTTP_REQUESTS.labels("mystocks.api.system.get_version", "200").inc({n})
metrics.HTTP_DURATION.labels("mystocks.api.system.get_version", "200").observe(0.01)
metrics.WS_CONNECTIONS.inc()
"""
SCRAPE = "import sys; from mystocks import metrics; sys.stdout.write(metrics.exposition().decode())"


def run(code: str, folder: Path) -> str:
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(folder)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_scrape_sums_the_counts_of_every_process(tmp_path):
    run(COUNT.format(n=1), tmp_path)
    run(COUNT.format(n=2), tmp_path)
    text = run(SCRAPE, tmp_path)
    labels = '{operation="mystocks.api.system.get_version",status="200"}'
    assert f"mystocks_http_requests_total{labels} 3.0" in text
    assert f"mystocks_http_request_duration_seconds_count{labels} 2.0" in text
    # Summed over processes until their files are removed (`mark_process_dead`, see README).
    assert "mystocks_websocket_connections 2.0" in text
    assert "# TYPE mystocks_db_pool_size gauge" in text  # the scrape-time collector still runs
