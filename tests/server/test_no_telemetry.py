"""The server reports nothing to an OpenTelemetry tracer, meter or logger the environment may
configure (FastAPI's own hooks are off): requests and unhandled exceptions stay in the server.
In a subprocess, since a global provider can be set only once per process."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent("""
    import sys
    from opentelemetry import _logs, metrics, trace
    from fastapi.testclient import TestClient

    asked = []

    class Tracers(trace.TracerProvider):  # configured, as an SDK's would be
        def get_tracer(self, *a, **k):
            asked.append("tracer")
            return trace.NoOpTracer()

    class Meters(metrics.MeterProvider):
        def get_meter(self, *a, **k):
            asked.append("meter")
            return metrics.NoOpMeter("relais")

    class Loggers(_logs.LoggerProvider):
        def get_logger(self, *a, **k):
            asked.append("logger")
            return _logs.NoOpLogger("relais")

    trace.set_tracer_provider(Tracers())
    metrics.set_meter_provider(Meters())
    _logs.set_logger_provider(Loggers())

    from server.app import create_app
    from server.config import ServerSettings

    with TestClient(create_app(ServerSettings(data_dir=__import__("pathlib").Path(sys.argv[1])))) as c:
        assert c.get("/health").status_code == 200
        assert c.get("/v1/device", headers={"Relais-Protocol": "1",
                                            "Relais-Schema": "1"}).status_code == 401
    print("asked:", sorted(set(asked)))
""")


def test_no_request_reaches_a_configured_telemetry_provider(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "server")],
                         capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 0, run.stderr
    assert "asked: []" in run.stdout, run.stdout
