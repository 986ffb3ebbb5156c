"""The laptop keeps its user's server role from the enrolment (issue 20, item 4): the Audit page
is restricted with it (desktop/services/sync.current_role)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from desktop.services import sync as sync_service
from server import admin
from tests.e2e.sync_support import Device, Server, add_shared_patient, scratch


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server(scratch("relais-role-") / "server")
    yield srv
    srv.close()


def test_current_role_after_enrolment(server: Server) -> None:
    admin.create_user(server.settings, "cora", "cora-password", "Cora", role="coordinator")
    admin.add_member(server.settings, "cora", server.demo["team"])
    folder = server.settings.data_dir.parent
    manager = Device(folder / "m", server, "m")
    coordinator = Device(folder / "c", server, "c", user=("cora", "cora-password"))
    try:
        assert sync_service.current_role(manager.ctx) == "case_manager"
        assert sync_service.current_role(coordinator.ctx) == "coordinator"
    finally:
        manager.close()
        coordinator.close()


def test_current_role_unknown_when_not_enrolled(server: Server) -> None:
    device = Device(server.settings.data_dir.parent / "x", server, "x")
    try:
        device.ctx.write(lambda uow: sync_service.state.delete(uow.session,
                                                               sync_service.state.TOKEN))
        assert sync_service.current_role(device.ctx) is None
    finally:
        device.close()


def test_a_role_changed_on_the_server_reaches_the_laptop_at_its_next_sync(server: Server) -> None:
    """`relais-server user role` takes the Audit page away from a former coordinator's laptop
    (and gives it to a new one) at the next sync, without a new enrolment."""
    from desktop.services.access import may_see_audit

    admin.create_user(server.settings, "cora", "cora-password", "Cora", role="coordinator")
    admin.add_member(server.settings, "cora", server.demo["team"])
    folder = server.settings.data_dir.parent
    laptop = Device(folder / "c", server, "c", user=("cora", "cora-password"))
    try:
        assert may_see_audit(laptop.ctx)
        admin.set_role(server.settings, "cora", "case_manager")
        laptop.sync()
        assert sync_service.current_role(laptop.ctx) == "case_manager"
        assert not may_see_audit(laptop.ctx)
        admin.set_role(server.settings, "cora", "administrator")
        laptop.sync()
        assert sync_service.current_role(laptop.ctx) == "administrator"
        assert may_see_audit(laptop.ctx)
    finally:
        laptop.close()


class _LockOnDeviceStatus(httpx.BaseTransport):
    """The auto-lock fires while the laptop asks the server for its team and role (the last
    request of a sync, after everything was pushed and pulled)."""

    def __init__(self, device: Device) -> None:
        self.device = device

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.device.transport.handle_request(request)
        if request.method == "GET" and request.url.path == "/v1/device":
            self.device.ctx.lock()
        return response


def test_a_vault_locked_before_the_members_are_saved_keeps_the_sync_and_says_why(
        server: Server, caplog: pytest.LogCaptureFixture) -> None:
    laptop = Device(server.settings.data_dir.parent / "l", server, "l")
    try:
        add_shared_patient(laptop.ctx, "Vandamme")
        with caplog.at_level(logging.WARNING, logger="desktop.services.sync"):
            report = sync_service.sync_now(laptop.ctx,
                                           transport=lambda: _LockOnDeviceStatus(laptop))
        assert report.pushed >= 1
        assert laptop.ctx.is_locked
        warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert warnings == ["sync: team members not refreshed (vault.locked)"]
        assert "Vandamme" not in caplog.text
    finally:
        laptop.close()


def test_a_damaged_account_record_is_not_hidden_by_the_members_refresh(server: Server) -> None:
    """Only the vault's own refusals (locked, disk full) are best effort: a bug surfaces."""
    laptop = Device(server.settings.data_dir.parent / "d", server, "d")
    try:
        laptop.ctx.write(lambda uow: sync_service.state.put(uow.session,
                                                            sync_service.state.ACCOUNT, "x"))
        with pytest.raises(ValueError):
            laptop.sync()
    finally:
        laptop.close()
