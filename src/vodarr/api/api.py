"""The ``/api/v1`` application: django-ninja, key authentication, problem documents.

One ``NinjaAPI`` with a router per feature (``routes/``). Every error leaves as an RFC 9457
problem document (``problems.py``); the OpenAPI document says so (``problem_schema``), so a
client generated from it knows the error shape too.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.docs import Swagger
from ninja.parser import Parser

from vodarr.api.auth import AUTH, NO_KEY
from vodarr.api.problems import CONTENT_TYPE, ApiProblem, field_errors, problem_response
from vodarr.api.routes import account, catalog, downloads, links, monitors, watchlist
from vodarr.integrations.aria2.errors import Aria2Error
from vodarr.integrations.xtream.errors import XtreamError
from vodarr.web.http import BadRequestBody, read_body, unusable_text

logger = logging.getLogger("vodarr.api")

DESCRIPTION = """Vodarr's API for scripts, dashboards and other tools.

Authenticate with a personal API key (Profile → API keys, or `vodarr createapikey`) in the
`X-Api-Key` header or as `Authorization: Bearer <key>`. A key acts as its owner: members see
and act on their own downloads only (anyone else's answers 404), administrators on
everyone's. Errors are RFC 9457 problem documents (`application/problem+json`) whose
`detail` is a sentence to show a person."""


class BodyParser(Parser):
    """The pages' body rules (JSON objects only; no NUL, lone surrogate or deep nesting)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        if not request.body:
            return {}
        return read_body(request)

    def parse_querydict(self, data: Any, list_fields: list[str], request: HttpRequest) -> Any:
        parsed = super().parse_querydict(data, list_fields, request)
        problem = unusable_text(parsed)
        if problem:
            raise ApiProblem(400, problem)
        return parsed


class VodarrApi(NinjaAPI):
    def get_openapi_operation_id(self, operation: Any) -> str:
        # "list_downloads", not "vodarr_api_routes_downloads_list_downloads": the names
        # clients generated from the schema give their methods (each view name is unique).
        return str(operation.view_func.__name__)

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        return problem_schema(schema)


def problem_schema(schema: Any) -> Any:
    """Error answers are ``application/problem+json``: say so in the document."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if int(status) >= 400 and "application/json" in content:
                    content[CONTENT_TYPE] = content.pop("application/json")
    return schema


api = VodarrApi(
    title="Vodarr API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=AUTH,
    parser=BodyParser(),
    docs=Swagger(settings={"persistAuthorization": False, "tryItOutEnabled": False}),
    docs_url="/docs",
)


@api.exception_handler(ApiProblem)
def _problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    return problem_response(exc.status, exc.detail, exc.errors, **exc.headers)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return problem_response(401, NO_KEY)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = field_errors(exc.errors)
    return problem_response(422, next(iter(errors.values())), errors)


@api.exception_handler(BadRequestBody)
def _bad_body(request: HttpRequest, exc: BadRequestBody) -> HttpResponse:
    return problem_response(exc.status, exc.message)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    message = str(exc) if type(exc) is Http404 and exc.args else "Not found."
    return problem_response(404, message)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    cause = exc.__cause__
    if isinstance(cause, BadRequestBody):  # ninja wraps the body parser's own refusal
        return problem_response(cause.status, cause.message)
    return problem_response(exc.status_code, _sentence(exc.message))


@api.exception_handler(Aria2Error)
def _aria2_down(request: HttpRequest, exc: Aria2Error) -> HttpResponse:
    return problem_response(503, exc.message)


@api.exception_handler(XtreamError)
def _provider_down(request: HttpRequest, exc: XtreamError) -> HttpResponse:
    return problem_response(503, exc.message)


def _sentence(message: str) -> str:
    return message if message.endswith(".") else message + "."


api.add_router("/", account.router)
api.add_router("/", catalog.router)
api.add_router("/downloads", downloads.router)
api.add_router("/watchlist", watchlist.router)
api.add_router("/monitors", monitors.router)
api.add_router("/links", links.router)
