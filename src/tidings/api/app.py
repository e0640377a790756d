"""The FastAPI app: read-only event views over a DuckDB store, coding on demand, the dashboard."""

from __future__ import annotations

import gc
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from tidings.api.coding import CodeRequest, ExplainRequest, code_request, explain_request
from tidings.api.params import event_filters, to_csv, to_json
from tidings.errors import StoreBusyError, StoreError
from tidings.settings import Settings
from tidings.store.views import MAX_GROUPS, MAX_PAGE, EventFilters, QueryTimeout, StoreViews

STATIC = Path(__file__).parent / "static"
MAX_BODY_BYTES = 1_000_000  # POST bodies; the text itself is capped by Settings.max_chars


def _json(value: object) -> Response:
    return Response(to_json(value), media_type="application/json")


def create_app(db_path: Path | str, settings: Settings | None = None, allow_store: bool = False) -> FastAPI:
    """The app over the store at db_path, opened read-only; allow_store lets POST /api/code write."""
    settings = settings or Settings()
    views = StoreViews(db_path, query_seconds=settings.api_query_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # The startup heap (FastAPI, pydantic, DuckDB, the models once loaded) lives as long as
        # the server. Frozen, it is no longer walked by every full collection: a 500-row page
        # makes enough objects to trigger one every few dozen requests, a 20-100 ms pause.
        gc.freeze()
        yield
        views.close()

    app = FastAPI(
        lifespan=lifespan,
        title="tidings",
        summary="Political event data coded from news text (CAMEO, PLOVER), from a DuckDB store.",
        version="1",
        docs_url=None,  # served below from the vendored Swagger UI: the CDN default is blank offline
        redoc_url=None,
    )
    app.state.views = views
    app.state.settings = settings
    app.state.allow_store = allow_store
    app.state.db_path = Path(db_path)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(QueryTimeout)
    async def query_timeout(request: Request, exc: QueryTimeout) -> JSONResponse:
        # Interrupted by the per-query limit (Settings.api_query_seconds): the server is fine,
        # this request asked for too much at once.
        return JSONResponse({"detail": str(exc)}, status_code=504)

    @app.exception_handler(StoreBusyError)
    async def store_busy(request: Request, exc: StoreBusyError) -> JSONResponse:
        # A writing run holds the file longer than a reader waits (store.access): say so.
        detail = "the event store is being updated; retry in a moment"
        return JSONResponse({"detail": detail}, status_code=503, headers={"Retry-After": "2"})

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        # Reject oversized posts before reading them; the model never sees a 100 MB body.
        length = request.headers.get("content-length")
        if request.method == "POST" and length and length.isdigit() and int(length) > MAX_BODY_BYTES:
            return JSONResponse({"detail": f"body over {MAX_BODY_BYTES} bytes"}, status_code=413)
        return await call_next(request)

    @app.get("/api/events", summary="Events matching the filters, one page at a time")
    def list_events(
        filters: EventFilters = Depends(event_filters),
        limit: int = Query(50, ge=0, le=MAX_PAGE, description="Page size."),
        offset: int = Query(0, ge=0, description="Rows to skip (stable order: date, id)."),
        order: str = Query("asc", pattern="^(asc|desc)$", description="By event date."),
        format: str = Query("json", pattern="^(json|csv)$", description="json or csv."),
    ) -> Response:
        """Flat event rows in (event date, event id) order; `total` counts every match."""
        total, rows = views.events(filters, limit=limit, offset=offset, descending=order == "desc")
        if format == "csv":
            return Response(
                to_csv(views.list_columns(), rows), media_type="text/csv; charset=utf-8",
                headers={"X-Total-Count": str(total),
                         "Content-Disposition": 'attachment; filename="events.csv"'},
            )  # fmt: skip
        return _json({"total": total, "limit": limit, "offset": offset, "events": rows})

    @app.get("/api/events/{event_id}", summary="One event with its mentions, spans, attribution")
    def get_event(event_id: str) -> Response:
        found = views.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return _json(found)

    @app.get("/api/articles/{article_id}", summary="An article's text with every coded span")
    def get_article(article_id: str) -> Response:
        found = views.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return _json(found)

    @app.get("/api/stats/timeline", summary="Event counts per period by QuadClass or CAMEO root")
    def timeline(
        filters: EventFilters = Depends(event_filters),
        bucket: str = Query("auto", description="auto, day, week, month or year."),
        series: str = Query("quad_class", description="quad_class or root."),
    ) -> Response:
        return _json(views.timeline(filters, bucket=bucket, series=series))

    @app.get("/api/stats/dyads", summary="Actor network: source->target edges, count, Goldstein")
    def dyads(
        filters: EventFilters = Depends(event_filters),
        level: str = Query("code", description="code (USAGOV) or country (USA)."),
        limit: int = Query(200, ge=1, le=MAX_GROUPS),
    ) -> Response:
        return _json({"level": level, "edges": views.dyads(filters, level=level, limit=limit)})

    @app.get("/api/stats/places", summary="Located events per place")
    def places(
        filters: EventFilters = Depends(event_filters),
        limit: int = Query(500, ge=1, le=MAX_GROUPS),
    ) -> Response:
        return _json({"places": views.places(filters, limit=limit)})

    @app.get("/api/summary", summary="Store size and date span")
    def summary() -> Response:
        return _json(views.summary())

    @app.post("/api/code", summary="Code a posted article; stored only when asked and allowed")
    def code(body: CodeRequest) -> Response:
        return _json(code_request(body, app.state.settings, views if allow_store else None,
                                  app.state.db_path))  # fmt: skip

    @app.post("/api/explain", summary="How tidings reads one sentence")
    def explain(body: ExplainRequest) -> Response:
        return _json(explain_request(body, app.state.settings))

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        vendor = "/static/vendor/swagger-ui-dist"
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title="tidings API",
            swagger_js_url=f"{vendor}/swagger-ui-bundle.js", swagger_css_url=f"{vendor}/swagger-ui.css",
            swagger_favicon_url=f"{vendor}/favicon-32x32.png",
            # No call-out to validator.swagger.io for its badge.
            swagger_ui_parameters={"validatorUrl": None},
        )  # fmt: skip

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def serve(
    db_path: Path | str, host: str = "127.0.0.1", port: int = 8000, allow_store: bool = False,
    settings: Optional[Settings] = None,
) -> None:  # fmt: skip
    """Run the API and dashboard with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db_path, settings, allow_store), host=host, port=port, log_level="info")
