"""The dashboard in a real headless Chromium (Debian's, driven by Playwright) over the demo store."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from urllib.parse import parse_qs, urlparse

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium installed (Debian: apt-get install chromium; .ci/run installs it)",
)


@pytest.fixture(scope="module")
def server(demo_db):
    """uvicorn serving the app on a free loopback port, in a thread, for this module."""
    import uvicorn

    from tidings.api import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright's own browser download cannot run here: use the system Chromium.
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1500})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.errors = errors
    yield page
    context.close()


def _load(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("Number(document.body.dataset.loaded || 0) >= 1", timeout=20_000)


def _wait_reload(page, before: int) -> None:
    page.wait_for_function(f"Number(document.body.dataset.loaded || 0) > {before}", timeout=20_000)


def _loads(page) -> int:
    return int(page.evaluate("Number(document.body.dataset.loaded || 0)"))


def test_timeline_map_network_and_table_render_the_demo_data(page, server, client, artifacts):
    _load(page, server + "/")
    total = client.get("/api/events").json()["total"]
    assert page.locator("#timeline rect.bar").count() > 0
    assert int(page.locator("#timeline").get_attribute("data-bars")) > 0
    # The bundled world outline (Natural Earth countries) and one circle per place.
    assert page.locator("#map path.leaflet-interactive.place-marker").count() == len(
        client.get("/api/stats/places").json()["places"]
    )
    assert page.locator("#map .leaflet-overlay-pane path").count() > 100
    edges = client.get("/api/stats/dyads", params={"limit": 120}).json()["edges"]
    assert page.locator("#network line.edge, #network circle.edge").count() == len(edges) > 0
    assert page.locator("#network g.node").count() >= 2
    assert page.locator("#events tbody tr").count() == min(50, total)
    assert page.locator("#table-count").inner_text() == f"{total} matching"
    page.screenshot(path=str(artifacts / "dashboard.png"), full_page=True)
    assert page.errors == []


def test_clicking_an_event_shows_its_article_with_the_evidence_highlighted(
    page, server, client, artifacts
):
    _load(page, server + "/")
    row = page.locator("#events tbody tr").nth(2)
    event_id = row.get_attribute("data-event")
    row.click()
    page.wait_for_selector("#article .hl-evidence")
    detail = client.get(f"/api/events/{event_id}").json()
    mention = next((m for m in detail["mentions"] if m["event_id"] == event_id), detail["mentions"][0])
    highlighted = "".join(page.locator("#article .hl-evidence").all_inner_texts())
    assert highlighted == mention["evidence"]["text"]
    if mention["source"]:
        assert mention["source"]["text"] in "".join(page.locator("#article .hl-source").all_inner_texts())
    assert page.locator("#event-card").inner_text().count(detail["event"]["cameo"]["label"]) >= 1
    assert parse_qs(urlparse(page.url).query)["event"] == [event_id]
    page.screenshot(path=str(artifacts / "event_article.png"), full_page=True)
    assert page.errors == []


def test_attribution_chain_is_shown_for_a_quoted_event(page, server, client, all_events, artifacts):
    quoted = next(
        (d for d in (client.get(f"/api/events/{e['event_id']}").json() for e in all_events)
         if d["mentions"][0]["attribution"]),
        None,
    )  # fmt: skip
    assert quoted is not None, "the demo articles quote outlets and officials"
    _load(page, f"{server}/?event={quoted['event_id']}")
    page.wait_for_selector("#article .hl-attribution")
    chain = page.locator("#event-card .chain .link").all_inner_texts()
    expected = quoted["mentions"][0]["attribution"]
    assert [text.split(" (")[0] for text in chain] == [link["text"] for link in expected]
    page.locator("#article-panel").screenshot(path=str(artifacts / "attribution.png"))


def test_filters_are_applied_everywhere_and_kept_in_the_url(page, server, client):
    _load(page, server + "/")
    before = _loads(page)
    page.fill("#filters input[name=actor]", "IRQ")
    page.check("#filters input[name=quad_class][value='4']")
    page.click("#filters button[type=submit]")
    _wait_reload(page, before)
    query = parse_qs(urlparse(page.url).query)
    assert query["actor"] == ["IRQ"] and query["quad_class"] == ["4"]
    total = client.get("/api/events", params={"actor": "IRQ", "quad_class": 4}).json()["total"]
    assert page.locator("#table-count").inner_text() == f"{total} matching"
    # A linked view restores the same filters.
    _load(page, page.url)
    assert page.input_value("#filters input[name=actor]") == "IRQ"
    assert page.is_checked("#filters input[name=quad_class][value='4']")
    assert page.locator("#table-count").inner_text() == f"{total} matching"


def test_brushing_the_timeline_filters_by_date(page, server, client, artifacts):
    _load(page, server + "/")
    box = page.locator("#timeline").bounding_box()
    before = _loads(page)
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    page.mouse.up()
    _wait_reload(page, before)
    query = parse_qs(urlparse(page.url).query)
    since, until = query["since"][0], query["until"][0]
    assert since < until
    total = client.get("/api/events", params={"since": since, "until": until}).json()["total"]
    assert page.locator("#table-count").inner_text() == f"{total} matching"
    assert page.locator("#timeline rect.brush").get_attribute("visibility") == "visible"
    page.locator("#timeline-panel").screenshot(path=str(artifacts / "timeline_brush.png"))


def test_clicking_a_network_node_filters_by_that_actor(page, server):
    _load(page, server + "/")
    node = page.locator("#network g.node").first
    actor = node.locator("text").text_content()
    before = _loads(page)
    node.locator("circle").click(force=True)
    _wait_reload(page, before)
    assert parse_qs(urlparse(page.url).query)["actor"] == [actor]
    assert page.locator("#network g.node.selected").count() == 1


def test_explain_panel_codes_a_sentence(page, server, artifacts):
    _load(page, server + "/")
    page.fill("#explain-form textarea", "Turkish troops attacked Kurdish fighters in northern Syria.")
    page.click("#explain-form button")
    page.wait_for_selector("#explain .event, #explain p", timeout=60_000)
    page.wait_for_function("!document.querySelector('#explain').innerText.includes('coding')")
    assert page.locator("#explain .event").count() >= 1
    # The `tidings explain` trace: candidates shown open, the parse folded until clicked.
    candidates = page.locator("#explain details.trace-candidates")
    assert candidates.get_attribute("open") is not None
    assert "pattern: " in candidates.locator("pre").inner_text()
    assert "attacked" in candidates.locator("pre").inner_text()
    parse = page.locator("#explain details.trace-parse")
    assert not parse.locator("pre").is_visible()
    parse.locator("summary").click()
    assert parse.locator("pre").is_visible() and "Syria" in parse.locator("pre").inner_text()
    page.locator("#explain-panel").screenshot(path=str(artifacts / "explain.png"))
    assert page.errors == []


def test_docs_page_lists_the_endpoints_offline(page, server, artifacts):
    """Swagger UI at /docs renders from the vendored files; any non-local request is refused."""
    outside: list[str] = []

    def only_local(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=30_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    for path in ("/api/events", "/api/events/{event_id}", "/api/stats/dyads", "/api/code", "/api/explain"):
        assert path in [p.replace("\u200b", "") for p in paths], paths
    summaries = " ".join(page.locator(".opblock-summary-description").all_inner_texts())
    assert "How tidings reads one sentence" in summaries
    page.screenshot(path=str(artifacts / "docs.png"))
    assert outside == [] and page.errors == []
