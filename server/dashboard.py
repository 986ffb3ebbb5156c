"""The team dashboard (`/dashboard`, issue 20): server-rendered HTML for coordinators and
administrators, over the server's own HTTPS.

- Sign-in with a server user's password; the login backoff is the enrolment's
  (server/login_limits.py). A case manager's correct password is refused (403), no session.
- The session cookie is random, HttpOnly, SameSite=Strict, Path=/dashboard, Secure over TLS
  (directly, or from a trusted proxy saying X-Forwarded-Proto: https); the database keeps only
  its sha256, for 8 hours.
- Forms are CSRF-safe: the sign-in form carries a double-submit token (cookie + field), the
  sign-out form the session's token; a POST from another origin is refused. Downloads are GETs
  that change nothing.
- No JavaScript, a strict Content-Security-Policy, no caching.
- A coordinator sees their own teams; an administrator every team.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from collections.abc import Callable, Mapping
from html import escape
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.indicators import Period
from desktop.i18n import LANGUAGES, t
from server import report
from server.auth import ApiError, check_password, utcnow
from server.db import Database
from server.indicators import Cell, by_section, quarter, team_cells
from server.login_limits import LoginLimiter, Network, _trusted
from server.models import Membership, Organisation, Team, User, WebSession
from server.roles import ADMINISTRATOR, may_oversee
from server.security import token_hash

COOKIE = "relais_dashboard"
LOGIN_CSRF_COOKIE = "relais_login_csrf"
SESSION_HOURS = 8
MAX_FORM_BYTES = 4096
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    # not no-referrer: Chromium would then send "Origin: null" with the forms (and no Strict cookie)
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}

STYLE = """
body{font-family:system-ui,'DejaVu Sans',sans-serif;margin:0;color:#1b1b1b;background:#f6f6f3}
header{background:#234;color:#fff;padding:.8rem 1.5rem;display:flex;gap:1rem;align-items:center}
header h1{font-size:1.25rem;margin:0;flex:1} header form{margin:0}
main{padding:1rem 1.5rem;max-width:72rem}
form.filters{display:flex;flex-wrap:wrap;gap:.8rem;align-items:end;background:#fff;
 padding:.8rem;border:1px solid #ccc}
label{display:flex;flex-direction:column;font-size:.9rem;gap:.2rem}
input,select,button{font-size:1rem;padding:.3rem .5rem}
.downloads{margin:.8rem 0;display:flex;gap:1rem;flex-wrap:wrap;align-items:center}
section{background:#fff;border:1px solid #ccc;margin:1rem 0;padding:.5rem 1rem}
section h2{font-size:1.1rem;margin:.4rem 0}
table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;
 text-align:left} td.v{text-align:right;font-variant-numeric:tabular-nums;width:9rem}
td.s{color:#666;background:#eee} .note{font-size:.9rem;color:#444}
.error{color:#a00;font-weight:bold} .login{max-width:24rem;margin:3rem auto;background:#fff;
 padding:1.5rem;border:1px solid #ccc} .login form{display:flex;flex-direction:column;gap:.8rem}
"""


def _lang(request: Request) -> str:
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip()[:2].lower()
        if code in LANGUAGES:
            return code
    return "fr"


def _page(lang: str, title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body>{body}</body></html>")
    return HTMLResponse(html, status_code=status, headers=HEADERS)


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        raise ValueError(text) from None


def default_period(today: dt.date) -> Period:
    """The current quarter up to today."""
    start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    return Period(start, today)


def chosen_period(params: Mapping[str, str], default: Period) -> tuple[Period, bool]:
    """The period the filters ask for (`quarter`, or `from`/`to`), and whether they were bad: a
    date or quarter that does not parse shows `default` and says so; nothing else is caught."""
    q = params.get("quarter")
    try:
        if q:
            return quarter(q), False
        start = _date(params.get("from")) or default.start
        end = _date(params.get("to")) or default.end
    except (ValueError, TypeError, ValidationError):  # ValidationError: quarter_invalid
        return default, True
    if end < start:
        return default, True
    return Period(start, end), False


def install(app: FastAPI, db: Database, limiter: LoginLimiter, trusted: list[Network],
            today: Callable[[], dt.date] | None = None) -> None:
    """Add the /dashboard routes to the app."""
    today_fn = today or (lambda: dt.date.today())

    def is_tls(request: Request) -> bool:
        if request.url.scheme == "https":
            return True
        peer = request.client.host if request.client else None
        return bool(peer and _trusted(peer, trusted)
                    and request.headers.get("x-forwarded-proto", "").lower() == "https")

    def same_origin(request: Request) -> bool:
        origin = request.headers.get("origin")
        if not origin or origin == "null":
            return origin is None
        return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()

    def current(request: Request, session: Session) -> tuple[User, WebSession] | None:
        token = request.cookies.get(COOKIE)
        if not token:
            return None
        row = session.get(WebSession, token_hash(token))
        if row is None or row.expires_at < utcnow():
            return None
        user = session.get(User, row.user_id)
        if user is None or not user.active or not may_oversee(user.role):
            return None
        request.state.user_id = user.id  # the request log says who
        return user, row

    def visible_teams(session: Session, user: User) -> list[tuple[str, str]]:
        query = select(Team.id, Team.name).order_by(Team.name, Team.id)
        if user.role != ADMINISTRATOR:
            query = query.join(Membership, Membership.team_id == Team.id).where(
                Membership.user_id == user.id)
        return [(r[0], r[1]) for r in session.execute(query).all()]

    def login_form(request: Request, lang: str, message: str = "",
                   status: int = 200) -> HTMLResponse:
        token = secrets.token_urlsafe(24)
        body = (f'<div class="login"><h1>{escape(t("dashboard.login_title", lang))}</h1>'
                + (f'<p class="error" role="alert">{escape(message)}</p>' if message else "")
                + f'<form method="post" action="/dashboard/login?lang={lang}">'
                f'<input type="hidden" name="csrf" value="{token}">'
                f'<label>{escape(t("dashboard.username", lang))}'
                f'<input name="username" autocomplete="username" required autofocus></label>'
                f'<label>{escape(t("dashboard.password", lang))}<input name="password" '
                f'type="password" autocomplete="current-password" required></label>'
                f'<button type="submit">{escape(t("dashboard.sign_in", lang))}</button>'
                f"</form></div>")
        response = _page(lang, t("dashboard.login_title", lang), body, status)
        response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, path="/dashboard",
                            httponly=True, samesite="strict", secure=is_tls(request))
        return response

    async def form(request: Request) -> dict[str, str]:
        raw = await request.body()
        if len(raw) > MAX_FORM_BYTES:
            return {}
        parsed = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)
        return {k: v[0] for k, v in parsed.items() if v}

    @app.get("/dashboard/login", include_in_schema=False)
    def login_page(request: Request) -> Response:
        return login_form(request, _lang(request))

    @app.post("/dashboard/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        lang = _lang(request)
        fields = await form(request)
        cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
        if not same_origin(request) or not cookie or not hmac.compare_digest(
                cookie, fields.get("csrf", "")):
            return login_form(request, lang, t("dashboard.form_expired", lang), 403)
        username, password = fields.get("username", ""), fields.get("password", "")
        if "\x00" in username + password:
            return login_form(request, lang, t("dashboard.login_failed", lang), 401)
        client = getattr(request.state, "client_address", None)

        def check() -> tuple[str, Any]:
            with db.session() as session:
                try:
                    limiter.check(session, username, client)
                except ApiError as exc:
                    return "limited", exc.headers.get("Retry-After", "1")
                user = check_password(session, username, password)
                if user is None:
                    return "failed", None
                limiter.succeeded(session, username, client)
                if not may_oversee(user.role):
                    request.state.user_id = user.id
                    return "refused", None
                token = secrets.token_urlsafe(32)
                now = utcnow()
                session.execute(delete(WebSession).where(WebSession.expires_at < now))
                session.add(WebSession(token_hash=token_hash(token), user_id=user.id,
                                       csrf=secrets.token_urlsafe(24), created_at=now,
                                       expires_at=now + dt.timedelta(hours=SESSION_HOURS)))
                request.state.user_id = user.id
                return "ok", token

        from starlette.concurrency import run_in_threadpool

        outcome, value = await run_in_threadpool(check)
        if outcome == "failed":
            def failed() -> None:
                with db.session() as session:
                    limiter.failed(session, username, client)
            await run_in_threadpool(failed)
            return login_form(request, lang, t("dashboard.login_failed", lang), 401)
        if outcome == "limited":
            response = login_form(request, lang, t("dashboard.rate_limited", lang, seconds=value), 429)
            response.headers["Retry-After"] = str(value)
            return response
        if outcome == "refused":
            return login_form(request, lang, t("dashboard.role_refused", lang), 403)
        done = RedirectResponse(f"/dashboard?lang={lang}", status_code=303, headers=HEADERS)
        done.set_cookie(COOKIE, str(value), max_age=SESSION_HOURS * 3600, path="/dashboard",
                            httponly=True, samesite="strict", secure=is_tls(request))
        done.delete_cookie(LOGIN_CSRF_COOKIE, path="/dashboard")
        return done

    @app.post("/dashboard/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        lang = _lang(request)
        fields = await form(request)
        with db.session() as session:
            who = current(request, session)
            if who is not None and same_origin(request) and hmac.compare_digest(
                    who[1].csrf, fields.get("csrf", "")):
                session.delete(who[1])
        response = RedirectResponse(f"/dashboard/login?lang={lang}", status_code=303,
                                    headers=HEADERS)
        response.delete_cookie(COOKIE, path="/dashboard")
        return response

    def filters(request: Request, session: Session, user: User
                ) -> tuple[list[tuple[str, str]], list[str], str, Period, bool]:
        teams = visible_teams(session, user)
        chosen = request.query_params.get("team", "all")
        ids = [tid for tid, _ in teams if chosen in ("all", tid)] or (
            [] if chosen == "all" else None)
        if ids is None:  # a team one may not see: all of one's own
            chosen, ids = "all", [tid for tid, _ in teams]
        period, bad = chosen_period(request.query_params, default_period(today_fn()))
        return teams, ids, chosen, period, bad

    def team_names(teams: list[tuple[str, str]], ids: list[str]) -> str:
        return ", ".join(name for tid, name in teams if tid in ids)

    @app.get("/dashboard", include_in_schema=False)
    def dashboard(request: Request) -> Response:
        lang = _lang(request)
        with db.session() as session:
            who = current(request, session)
            if who is None:
                return RedirectResponse(f"/dashboard/login?lang={lang}", status_code=303,
                                        headers=HEADERS)
            user, web = who
            teams, ids, chosen, period, bad = filters(request, session, user)
            _ind, cells = team_cells(session, ids, period, today_fn())
        try:
            body = _render(lang, user, web, teams, chosen, period, bad, cells)
        except DomainError as exc:  # a broken installation (a shipped instrument damaged)
            return _error_page(lang, exc)
        return _page(lang, t("dashboard.title", lang), body)

    def download(request: Request, kind: str) -> Response:
        lang = _lang(request)
        with db.session() as session:
            who = current(request, session)
            if who is None:
                return Response(status_code=401, headers=HEADERS)
            teams, ids, _chosen, period, _bad = filters(request, session, who[0])
            _ind, cells = team_cells(session, ids, period, today_fn())
            org = session.scalar(select(Organisation.name).order_by(Organisation.created_at)
                                 .limit(1)) or ""
        names = team_names(teams, ids)
        stem = f"relais-indicators-{period.start.isoformat()}-{period.end.isoformat()}"
        try:
            if kind == "csv":
                text = report.to_csv(cells, lang, period.start.isoformat(),
                                     period.end.isoformat(), names)
            else:
                pdf = report.to_pdf(cells, lang, title_lines=[
                    t("dashboard.report_for", lang, organisation=org, teams=names),
                    t("dashboard.period", lang, start=period.start.isoformat(),
                      end=period.end.isoformat())], produced_on=today_fn().isoformat())
        except DomainError as exc:  # a broken installation (a shipped instrument damaged)
            return _error_page(lang, exc)
        if kind == "csv":
            return Response("\ufeff" + text, media_type="text/csv; charset=utf-8", headers={
                **HEADERS, "Content-Disposition": f'attachment; filename="{stem}.csv"'})
        return Response(pdf, media_type="application/pdf", headers={
            **HEADERS, "Content-Disposition": f'attachment; filename="{stem}.pdf"'})

    @app.get("/dashboard/indicators.csv", include_in_schema=False)
    def download_csv(request: Request) -> Response:
        return download(request, "csv")

    @app.get("/dashboard/report.pdf", include_in_schema=False)
    def download_pdf(request: Request) -> Response:
        return download(request, "pdf")


def _error_page(lang: str, exc: DomainError) -> HTMLResponse:
    """One message in the user's language (status 500: the server, not the request, is wrong)."""
    body = (f'<header><h1>{escape(t("dashboard.title", lang))}</h1></header><main>'
            f'<p class="error" role="alert" id="error">{escape(t(exc.code, lang, **exc.params))}'
            f"</p></main>")
    return _page(lang, t("dashboard.title", lang), body, 500)


def _render(lang: str, user: User, web: WebSession, teams: list[tuple[str, str]], chosen: str,
            period: Period, bad: bool, cells: list[Cell]) -> str:
    def e(code: str, **params: Any) -> str:
        return escape(t(code, lang, **params))

    options = [f'<option value="all"{" selected" if chosen == "all" else ""}>'
               f'{e("dashboard.all_teams")}</option>']
    options += [f'<option value="{escape(tid)}"{" selected" if tid == chosen else ""}>'
                f"{escape(name)}</option>" for tid, name in teams]
    params = {"team": chosen, "from": period.start.isoformat(), "to": period.end.isoformat(),
              "lang": lang}
    query = escape(urlencode(params))
    role = t(f"dashboard.role.{user.role}", lang)
    parts = [
        f'<header><h1>{e("dashboard.title")}</h1>'
        f'<span>{e("dashboard.signed_in_as", user=user.display_name, role=role)}</span>'
        f'<form method="post" action="/dashboard/logout?lang={lang}">'
        f'<input type="hidden" name="csrf" value="{escape(web.csrf)}">'
        f'<button type="submit">{e("dashboard.sign_out")}</button></form></header><main>',
        f'<form class="filters" method="get" action="/dashboard">'
        f'<input type="hidden" name="lang" value="{lang}">'
        f'<label>{e("dashboard.team")}<select name="team" id="team">{"".join(options)}</select>'
        f'</label><label>{e("dashboard.from")}<input type="date" name="from" id="from" '
        f'value="{period.start.isoformat()}"></label>'
        f'<label>{e("dashboard.to")}<input type="date" name="to" id="to" '
        f'value="{period.end.isoformat()}"></label>'
        f'<button type="submit" id="apply">{e("dashboard.apply")}</button></form>',
    ]
    if bad:
        parts.append(f'<p class="error" role="alert">{e("dashboard.bad_date")}</p>')
    if not teams:
        parts.append(f'<p class="error">{e("dashboard.no_teams")}</p>')
    parts.append(
        f'<p class="downloads"><strong id="period">'
        f'{e("dashboard.period", start=period.start.isoformat(), end=period.end.isoformat())}'
        f'</strong><a id="csv" href="/dashboard/indicators.csv?{query}">'
        f'{e("dashboard.download_csv")}</a>'
        f'<a id="pdf" href="/dashboard/report.pdf?{query}">{e("dashboard.download_pdf")}</a></p>')
    labelled = report.rows(cells, lang)
    rows_by_cell = dict(zip(map(id, cells), labelled, strict=True))
    for section, items in by_section(cells).items():
        parts.append(f'<section id="{section}"><h2>{e("dashboard.section." + section)}</h2>'
                     f"<table>")
        for c in items:
            r = rows_by_cell[id(c)]
            label = escape(r.indicator) + (f" — {escape(r.group)}" if r.group else "")
            cls = "v s" if c.suppressed else "v"
            key = escape(f"{c.indicator}:{c.group}")
            parts.append(f'<tr data-cell="{key}"><td>{label}</td>'
                         f'<td class="{cls}">{escape(c.value)}</td></tr>')
        parts.append("</table></section>")
    parts.append(f'<p class="note">{e("dashboard.suppression_note")}</p></main>')
    return "".join(parts)
