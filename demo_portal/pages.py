"""The portal's own web pages: sign-in, consent, account; and the OAuth endpoints.

The authorize URL's query string is kept in each form's action, so the browser carries the
OAuth request through the sign-in and consent steps; the signed-in user sits in the Flask
session cookie between them.
"""

from __future__ import annotations

from typing import Any

from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2 import OAuth2Error
from authlib.oidc.core.errors import LoginRequiredError
from flask import Blueprint, Response, current_app, render_template_string, request, session

from demo_portal.store import PortalUser, Store

TEXT = {
    "ru": {
        "title": "Демо-портал пациента",
        "sign_in": "Вход",
        "email": "Электронная почта",
        "password": "Пароль",
        "submit": "Войти",
        "wrong": "Неверная электронная почта или пароль. Проверьте раскладку и попробуйте ещё раз.",
        "consent": "Приложение «Медкарта» просит доступ к вашей медицинской карте",
        "scopes": "Запрошенные права",
        "patients": "Карты, к которым получит доступ приложение",
        "allow": "Разрешить",
        "deny": "Отказать",
        "signed_as": "Вы вошли как",
        "account": "Учётная запись",
        "bad_request": "Неверный запрос на вход",
    },
    "en": {
        "title": "Demo patient portal",
        "sign_in": "Sign in",
        "email": "Email",
        "password": "Password",
        "submit": "Sign in",
        "wrong": "Wrong email or password. Check the keyboard layout and try again.",
        "consent": "The Medcard app asks for access to your medical record",
        "scopes": "Requested permissions",
        "patients": "Records the app will reach",
        "allow": "Allow",
        "deny": "Deny",
        "signed_as": "Signed in as",
        "account": "Account",
        "bad_request": "Invalid sign-in request",
    },
}

PAGE = """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ t.title }}</title>
<style>body{font-family:sans-serif;max-width:28em;margin:3em auto}
label{display:block;margin:.6em 0}.error{color:#b00020;font-weight:bold}</style></head>
<body><h1>{{ t.title }}</h1>
<p><a href="?{{ query_ru }}">RU</a> | <a href="?{{ query_en }}">EN</a></p>
{% if kind == 'login' %}
<h2>{{ t.sign_in }}</h2>
{% if error %}<p class="error" id="error">{{ t.wrong }}</p>{% endif %}
<form method="post" action="{{ action }}">
<input type="hidden" name="step" value="login">
<label>{{ t.email }} <input type="email" name="email" value="{{ email }}" required></label>
<label>{{ t.password }} <input type="password" name="password" required></label>
<button type="submit">{{ t.submit }}</button></form>
{% elif kind == 'consent' %}
<p>{{ t.signed_as }} <b>{{ user.display_name }}</b> ({{ user.email }})</p>
<h2>{{ t.consent }}</h2>
<p>{{ t.scopes }}: <code>{{ scope }}</code></p>
<p>{{ t.patients }}: {{ patients|join(', ') }}</p>
<form method="post" action="{{ action }}">
<input type="hidden" name="step" value="consent">
<button type="submit" name="decision" value="allow">{{ t.allow }}</button>
<button type="submit" name="decision" value="deny">{{ t.deny }}</button></form>
{% elif kind == 'account' %}
<h2>{{ t.account }}</h2>
{% if user %}<p>{{ t.signed_as }} <b>{{ user.display_name }}</b> ({{ user.email }})</p>
{% else %}<p><a href="{{ action }}">{{ t.sign_in }}</a></p>{% endif %}
{% else %}<p class="error">{{ t.bad_request }}: {{ message }}</p>{% endif %}
</body></html>"""

bp = Blueprint("oauth_pages", __name__)


def _lang() -> str:
    wanted = request.args.get("lang") or request.args.get("ui_locales", "")
    if wanted[:2] in TEXT:
        return wanted[:2]
    best = request.accept_languages.best_match(["ru", "en"])
    return best or "ru"


def _render(kind: str, status: int = 200, **values: Any) -> Response:
    lang = _lang()
    base = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    from urllib.parse import urlencode

    html = render_template_string(
        PAGE,
        kind=kind,
        lang=lang,
        t=TEXT[lang],
        action=request.full_path,
        query_ru=urlencode([*base, ("lang", "ru")]),
        query_en=urlencode([*base, ("lang", "en")]),
        **values,
    )
    return Response(
        html, status=status, mimetype="text/html", headers={"Cache-Control": "no-store"}
    )


def _server() -> AuthorizationServer:
    return current_app.extensions["medcard_oauth"]


def _store() -> Store:
    return current_app.extensions["medcard_store"]


def _signed_in() -> PortalUser | None:
    email = session.get("user")
    return _store().user(email) if email else None


@bp.route("/oauth/authorize", methods=["GET", "POST"])
def authorize() -> Any:
    server = _server()
    try:
        grant = server.get_consent_grant(end_user=_signed_in())
    except OAuth2Error as error:
        if error.redirect_uri:
            return server.handle_error_response(None, error)
        return _render("error", status=400, message=error.get_error_description() or error.error)
    if request.method == "GET":
        # Every authorization starts with a fresh sign-in: the password page whatever the
        # browser remembers, which is what `prompt=login` asks for (the desk's unlock).
        # There is never a silent session, so `prompt=none` can only say login_required.
        if "none" in request.args.get("prompt", "").split():
            payload = grant.request.payload
            error = LoginRequiredError(state=payload.state, redirect_uri=payload.redirect_uri)
            return server.handle_error_response(None, error)
        session.pop("user", None)
        return _render("login", email="", error=False)
    step = request.form.get("step")
    if step == "login":
        email = request.form.get("email", "").strip()
        user = _store().verify_password(email, request.form.get("password", ""))
        if user is None:
            return _render("login", status=401, email=email, error=True)
        session["user"] = user.email
        return _render(
            "consent",
            user=user,
            scope=grant.request.payload.scope or "",
            patients=_store().accessible_patients(user) or [user.organization_id],
        )
    user = _signed_in()
    if step != "consent" or user is None:
        return _render("login", email="", error=False)
    session.pop("user", None)
    granted = user if request.form.get("decision") == "allow" else None
    return server.create_authorization_response(grant_user=granted, grant=grant)


@bp.route("/oauth/token", methods=["POST"])
def issue_token() -> Any:
    return _server().create_token_response()


@bp.route("/oauth/revoke", methods=["POST"])
def revoke_token() -> Any:
    return _server().create_endpoint_response("revocation")


@bp.route("/account")
def account() -> Any:
    return _render("account", user=_signed_in())
