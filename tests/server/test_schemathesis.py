"""Property-based API fuzzing from /openapi.json: no input makes the server answer 5xx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from server.app import create_app
from server.config import ServerSettings
from tests.server.conftest import HEADERS, Api, new_patient, setup_org

MAX_EXAMPLES = 8  # per operation; bounded to keep `make test` fast


def test_no_input_makes_the_server_answer_5xx(tmp_path: Path) -> None:
    app = create_app(ServerSettings(data_dir=tmp_path / "srv"))
    with TestClient(app) as client:
        with app.state.db.sessions() as session:
            setup_org(session)
        alice = Api(client, "alice")
        new_patient(alice)  # something to collide with
        auth = {**HEADERS, "Authorization": f"Bearer {alice.token}"}
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 8
        failures: list[str] = []
        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
                      database=None, suppress_health_check=list(HealthCheck))
            def run(case: Any) -> None:
                if isinstance(case.body, dict) and "device_id" in case.body:
                    case.body["device_id"] = alice.device_id  # get past the device check
                response = case.call(headers=auth)  # valid credentials: reach the handlers
                if response.status_code >= 500:
                    failures.append(f"{case.method} {case.path}: {response.status_code}")

            run()
        assert failures == []
