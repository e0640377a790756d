// tidings dashboard: every view reads the same filters (kept in the URL) from the JSON API.
"use strict";

const FILTER_KEYS = ["actor", "side", "root", "quad_class", "modality", "plover", "place",
  "since", "until", "q", "bbox"];
const QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
  4: "material conflict"};
const QUAD_COLORS = {1: "#74c476", 2: "#238b45", 3: "#fd8d3c", 4: "#d62728"};
const PAGE = 50;
const SVG_NS = "http://www.w3.org/2000/svg";

const state = {filters: {}, offset: 0, event: null, level: "code"};
let map = null, placeLayer = null;

// ---- small helpers ---------------------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function query(extra, omit) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value && !(omit || []).includes(key) && !(key === "side" && value === "any")) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra || {})) params.set(key, value);
  return params.toString();
}

async function getJSON(url, options) {
  const response = await fetch(url, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail ? JSON.stringify(body.detail) : response.statusText);
  return body;
}

// Mean Goldstein (-10 conflict .. +10 cooperation) as red - grey - green.
function goldsteinColor(value) {
  if (value === null || value === undefined) return "#999";
  const t = Math.max(-1, Math.min(1, value / 10));
  const grey = [150, 150, 150], red = [214, 39, 40], green = [35, 139, 69];
  const end = t < 0 ? red : green, k = Math.abs(t);
  const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * k));
  return `rgb(${mix.join(",")})`;
}

function actorLabel(actor) {
  if (!actor) return "";
  return actor.code ? `${actor.code}` : actor.text;
}

// ---- filters <-> form <-> URL ----------------------------------------------------------
function readURL() {
  const params = new URLSearchParams(location.search);
  state.filters = {};
  for (const key of FILTER_KEYS) if (params.get(key)) state.filters[key] = params.get(key);
  state.event = params.get("event");
  state.offset = Number(params.get("offset") || 0);
}

function writeURL() {
  const extra = {};
  if (state.event) extra.event = state.event;
  if (state.offset) extra.offset = state.offset;
  const search = query(extra);
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

function fillForm() {
  const form = document.getElementById("filters");
  for (const key of FILTER_KEYS) {
    if (key === "quad_class") continue;
    if (form.elements[key]) form.elements[key].value = state.filters[key] || (key === "side" ? "any" : "");
  }
  const quads = (state.filters.quad_class || "").split(",");
  for (const box of form.querySelectorAll("input[name=quad_class]")) box.checked = quads.includes(box.value);
  document.getElementById("bbox-note").textContent = state.filters.bbox ? `map area ${state.filters.bbox}` : "";
}

function readForm() {
  const form = document.getElementById("filters");
  const filters = {};
  for (const key of FILTER_KEYS) {
    if (key === "quad_class") continue;
    const value = (form.elements[key] && form.elements[key].value || "").trim();
    if (value) filters[key] = value;
  }
  const quads = [...form.querySelectorAll("input[name=quad_class]:checked")].map(b => b.value);
  if (quads.length) filters.quad_class = quads.join(",");
  return filters;
}

function setFilters(changes) {
  state.filters = {...state.filters, ...changes};
  for (const key of Object.keys(state.filters)) if (!state.filters[key]) delete state.filters[key];
  state.offset = 0;
  fillForm();
  refresh();
}

// ---- timeline: stacked bars per period, drag to brush a date range ----------------------
function nextPeriod(date, bucket) {
  const d = new Date(date.getTime());
  if (bucket === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (bucket === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (bucket === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

const isoDay = d => d.toISOString().slice(0, 10);

async function drawTimeline() {
  // The timeline ignores its own date filter so the brushed range stays in context.
  const data = await getJSON(`/api/stats/timeline?${query({}, ["since", "until"])}`);
  document.getElementById("bucket").textContent = data.bucket;
  const root = document.getElementById("timeline");
  root.replaceChildren();
  const width = root.clientWidth || 800, height = 170, left = 34, right = 8, top = 6, bottom = 22;
  const periods = new Map();
  for (const row of data.counts) {
    const key = row.period.slice(0, 10);
    if (!periods.has(key)) periods.set(key, {start: new Date(key + "T00:00:00Z"), counts: {}});
    periods.get(key).counts[row.series] = row.count;
  }
  const list = [...periods.values()];
  root.dataset.bars = String(list.length);
  if (!list.length) {
    root.append(svg("text", {x: width / 2, y: height / 2, "text-anchor": "middle"}, "no dated events"));
    return;
  }
  const t0 = list[0].start.getTime();
  const t1 = nextPeriod(list[list.length - 1].start, data.bucket).getTime();
  const x = t => left + (t - t0) / (t1 - t0) * (width - left - right);
  const tx = px => t0 + (px - left) / (width - left - right) * (t1 - t0);
  const maxTotal = Math.max(...list.map(p => Object.values(p.counts).reduce((a, b) => a + b, 0)));
  const y = v => (height - bottom) - v / maxTotal * (height - bottom - top);
  const axis = svg("g", {class: "axis"});
  axis.append(svg("line", {x1: left, x2: width - right, y1: height - bottom, y2: height - bottom}));
  for (const v of [0, Math.ceil(maxTotal / 2), maxTotal]) {
    axis.append(svg("text", {x: left - 4, y: y(v) + 3, "text-anchor": "end"}, String(v)));
  }
  const ticks = Math.max(2, Math.floor((width - left) / 90));
  const fmt = t => {
    const day = isoDay(new Date(t));
    return data.bucket === "year" ? day.slice(0, 4) : data.bucket === "month" ? day.slice(0, 7) : day;
  };
  for (let i = 0; i < ticks; i++) {
    const t = t0 + (t1 - t0) * i / ticks;
    axis.append(svg("text", {x: x(t), y: height - 6}, fmt(t)));
  }
  root.append(axis);
  const bars = svg("g", {class: "bars"});
  for (const p of list) {
    const x0 = x(p.start.getTime()), x1 = x(nextPeriod(p.start, data.bucket).getTime());
    let base = 0;
    for (const q of [1, 2, 3, 4]) {
      const n = p.counts[q] || 0;
      if (!n) continue;
      const rect = svg("rect", {class: `bar q${q}`, x: x0 + 0.5, width: Math.max(1, x1 - x0 - 1),
        y: y(base + n), height: y(base) - y(base + n)});
      rect.append(svg("title", {}, `${isoDay(p.start)}: ${n} ${QUAD_NAMES[q]}`));
      bars.append(rect);
      base += n;
    }
  }
  root.append(bars);
  const brush = svg("rect", {class: "brush", y: top, height: height - bottom - top, x: 0, width: 0,
    visibility: "hidden"});
  root.append(brush);
  const showBrush = (a, b) => {
    brush.setAttribute("x", Math.min(a, b));
    brush.setAttribute("width", Math.abs(b - a));
    brush.setAttribute("visibility", "visible");
  };
  if (state.filters.since || state.filters.until) {
    const a = state.filters.since ? Date.parse(state.filters.since) : t0;
    const b = state.filters.until ? nextPeriod(new Date(Date.parse(state.filters.until)), "day").getTime() : t1;
    showBrush(x(Math.max(a, t0)), x(Math.min(b, t1)));
  }
  let startX = null;
  const px = ev => ev.clientX - root.getBoundingClientRect().left;
  root.onmousedown = ev => { startX = px(ev); showBrush(startX, startX); };
  root.onmousemove = ev => { if (startX !== null) showBrush(startX, px(ev)); };
  root.onmouseup = ev => {
    if (startX === null) return;
    const a = Math.min(startX, px(ev)), b = Math.max(startX, px(ev));
    startX = null;
    if (b - a < 3) { setFilters({since: "", until: ""}); return; }  // a click clears the brush
    const since = new Date(tx(a)), until = new Date(tx(b) - 1);
    setFilters({since: isoDay(since), until: isoDay(until)});
  };
}

// ---- map: bundled Natural Earth outline, one circle per place ---------------------------
async function initMap() {
  map = L.map("map", {worldCopyJump: true, minZoom: 1}).setView([25, 20], 2);
  map.attributionControl.addAttribution("Natural Earth (public domain) via world-atlas");
  const world = await getJSON("/static/vendor/world-atlas/countries-110m.json");
  L.geoJSON(topojson.feature(world, world.objects.countries), {
    style: {color: "#9aa", weight: 0.7, fillColor: "#f2efe6", fillOpacity: 1}, interactive: false,
  }).addTo(map);
  placeLayer = L.layerGroup().addTo(map);
  document.getElementById("map").dataset.ready = "1";
}

async function drawMap() {
  const data = await getJSON(`/api/stats/places?${query({limit: 1000})}`);
  placeLayer.clearLayers();
  const max = Math.max(1, ...data.places.map(p => p.count));
  for (const p of data.places) {
    const marker = L.circleMarker([p.lat, p.lon], {
      radius: 4 + 14 * Math.sqrt(p.count / max), color: "#333", weight: 0.8,
      fillColor: goldsteinColor(p.mean_goldstein), fillOpacity: 0.8, className: "place-marker",
    });
    marker.bindTooltip(`${p.name} (${p.country || "?"}): ${p.count} event(s), ` +
      `mean Goldstein ${p.mean_goldstein === null ? "n/a" : p.mean_goldstein.toFixed(1)}`);
    marker.on("click", () => setFilters({place: p.name}));
    placeLayer.addLayer(marker);
  }
  document.getElementById("map").dataset.places = String(data.places.length);
}

// ---- actor network: a small force layout, deterministic start so views are stable -------
function layout(nodes, edges, width, height) {
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const angle = 2 * Math.PI * i / Math.max(1, n);
    node.x = width / 2 + Math.cos(angle) * width / 3;
    node.y = height / 2 + Math.sin(angle) * height / 3;
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges.map(e => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== b);
  const ideal = Math.max(30, Math.sqrt(width * height / Math.max(1, n)) * 0.7);
  for (let step = 0; step < 300; step++) {
    const heat = 1 - step / 300;
    const force = nodes.map(() => [0, 0]);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      let dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
      const d2 = Math.max(dx * dx + dy * dy, 1), push = ideal * ideal / d2;
      force[i][0] += dx * push / 10; force[i][1] += dy * push / 10;
      force[j][0] -= dx * push / 10; force[j][1] -= dy * push / 10;
    }
    for (const [a, b] of links) {
      const dx = nodes[b].x - nodes[a].x, dy = nodes[b].y - nodes[a].y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1), pull = (d - ideal) / d * 0.1;
      force[a][0] += dx * pull; force[a][1] += dy * pull;
      force[b][0] -= dx * pull; force[b][1] -= dy * pull;
    }
    nodes.forEach((node, i) => {
      force[i][0] += (width / 2 - node.x) * 0.03; force[i][1] += (height / 2 - node.y) * 0.03;
      const len = Math.sqrt(force[i][0] ** 2 + force[i][1] ** 2), cap = 12 * heat + 0.5;
      const k = len > cap ? cap / len : 1;
      node.x += force[i][0] * k; node.y += force[i][1] * k;
    });
  }
  // Fit the drawing to the box (labels need room on the right) instead of pinning to walls.
  const xs = nodes.map(d => d.x), ys = nodes.map(d => d.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (width - 90) / Math.max(1, x1 - x0), sy = (height - 40) / Math.max(1, y1 - y0);
  for (const node of nodes) {
    node.x = 25 + (x1 > x0 ? (node.x - x0) * sx : (width - 90) / 2);
    node.y = 20 + (y1 > y0 ? (node.y - y0) * sy : (height - 40) / 2);
  }
}

async function drawNetwork() {
  const data = await getJSON(`/api/stats/dyads?${query({level: state.level, limit: 120})}`);
  const root = document.getElementById("network");
  root.replaceChildren();
  const width = root.clientWidth || 600, height = root.clientHeight || 380;
  const nodes = new Map();
  for (const e of data.edges) for (const id of [e.source, e.target]) {
    if (!nodes.has(id)) nodes.set(id, {id, count: 0});
    nodes.get(id).count += e.count;
  }
  const list = [...nodes.values()];
  root.dataset.nodes = String(list.length);
  root.dataset.edges = String(data.edges.length);
  if (!list.length) {
    root.append(svg("text", {x: width / 2, y: height / 2, "text-anchor": "middle"}, "no dyads"));
    return;
  }
  layout(list, data.edges, width, height);
  const defs = svg("defs");
  defs.append(svg("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7,
    markerHeight: 7, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse"}, svg("path", {d: "M0,0 L10,5 L0,10 z", fill: "#666"})));
  root.append(defs);
  const maxCount = Math.max(...data.edges.map(e => e.count));
  const maxNode = Math.max(...list.map(n => n.count));
  for (const node of list) node.r = 4 + 8 * Math.sqrt(node.count / maxNode);
  for (const e of data.edges) {
    const a = nodes.get(e.source), b = nodes.get(e.target);
    // Stop the line at the target's rim so the arrow head stays visible.
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(1, Math.hypot(dx, dy)), cut = (b.r + 2) / d;
    const line = svg(a === b ? "circle" : "line", a === b
      ? {cx: a.x, cy: a.y - 10, r: 9, fill: "none"}
      : {x1: a.x, y1: a.y, x2: b.x - dx * cut, y2: b.y - dy * cut, "marker-end": "url(#arrow)"});
    line.setAttribute("class", "edge");
    line.setAttribute("stroke", goldsteinColor(e.mean_goldstein));
    line.setAttribute("stroke-width", 1 + 4 * e.count / maxCount);
    line.setAttribute("stroke-opacity", 0.8);
    line.append(svg("title", {}, `${e.source} → ${e.target}: ${e.count} event(s), mean Goldstein ` +
      (e.mean_goldstein === null ? "n/a" : e.mean_goldstein.toFixed(1))));
    root.append(line);
  }
  for (const node of list) {
    const selected = (state.filters.actor || "").toUpperCase() === node.id;
    const g = svg("g", {class: "node" + (selected ? " selected" : ""),
      transform: `translate(${node.x},${node.y})`,
      onclick: () => setFilters({actor: selected ? "" : node.id})});
    g.append(svg("circle", {r: node.r, fill: "#4a6fa5"}));
    g.append(svg("text", {x: 9, y: 4}, node.id));
    g.append(svg("title", {}, `${node.id}: ${node.count} event(s) — click to filter`));
    root.append(g);
  }
}

// ---- event table -----------------------------------------------------------------------
async function drawTable() {
  const data = await getJSON(`/api/events?${query({limit: PAGE, offset: state.offset, order: "desc"})}`);
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const e of data.events) {
    const row = el("tr", {"data-event": e.event_id, class: e.event_id === state.event ? "selected" : null,
      onclick: () => openEvent(e.event_id)},
      el("td", {}, e.date_value || ""),
      el("td", {title: e.source_text || ""}, e.source_code || e.source_text || ""),
      el("td", {class: `event q${e.quad_class}`, title: e.evidence_text || ""},
        el("span", {class: "code"}, e.cameo_code), " ", e.cameo_label),
      el("td", {title: e.target_text || ""}, e.target_code || e.target_text || ""),
      el("td", {}, e.modality),
      el("td", {}, e.location_name || ""));
    body.append(row);
  }
  const last = Math.min(data.total, state.offset + data.events.length);
  document.getElementById("table-count").textContent = `${data.total} matching`;
  document.getElementById("page").textContent = data.total ? `${state.offset + 1}–${last} of ${data.total}` : "none";
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = last >= data.total;
  document.getElementById("csv").href = `/api/events?${query({format: "csv", limit: 1000})}`;
}

// ---- one event: card, article with highlighted spans, attribution chain -----------------
async function openEvent(eventId) {
  state.event = eventId;
  writeURL();
  for (const row of document.querySelectorAll("#events tbody tr")) {
    row.classList.toggle("selected", row.dataset.event === eventId);
  }
  const card = document.getElementById("event-card"), panel = document.getElementById("article");
  let detail;
  try { detail = await getJSON(`/api/events/${encodeURIComponent(eventId)}`); }
  catch (error) { card.replaceChildren(el("p", {class: "error"}, String(error))); return; }
  const mention = detail.mentions.find(m => m.event_id === eventId) || detail.mentions[0] || detail.event;
  renderCard(detail, mention);
  const article = await getJSON(`/api/articles/${encodeURIComponent(mention.article_id)}`);
  renderArticle(article, mention.event_id, panel);
}

function renderCard(detail, mention) {
  const e = detail.event;
  const chain = (mention.attribution || []).length
    ? el("span", {class: "chain"}, mention.attribution.flatMap((a, i) => [i ? "→" : null,
        el("span", {class: "link", title: a.code || ""}, `${a.text} (${a.cue})`)]).filter(Boolean))
    : el("span", {class: "muted"}, "none: the article itself reports it");
  const place = e.location ? `${e.location.name} (${e.location.country || "?"}, ${e.location.precision})` : "—";
  const rows = [
    ["event", el("span", {}, el("span", {class: "code"}, e.cameo.code), ` ${e.cameo.label}`)],
    ["QuadClass", `${e.quad_class} ${QUAD_NAMES[e.quad_class] || ""}; Goldstein ${e.goldstein ?? "n/a"}`],
    ["PLOVER", [e.plover.event_type, e.plover.mode].filter(Boolean).join(" / ") || "—"],
    ["date", `${e.date.value || "?"} (${e.date.precision})`],
    ["place", place],
    ["modality", e.modality],
    ["according to", chain],
    ["mentions", `${detail.num_mentions ?? detail.mentions.length} in ` +
      `${detail.num_articles ?? new Set(detail.mentions.map(m => m.article_id)).size} article(s)`],
  ];
  document.getElementById("event-card").replaceChildren(
    el("div", {class: "who"}, el("b", {}, actorLabel(e.source) || "?"), " → ",
      el("b", {}, e.cameo.label), " → ", el("b", {}, actorLabel(e.target) || "—")),
    el("dl", {}, rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
}

function renderArticle(article, eventId, panel) {
  const text = article.text;
  // The chosen event's spans get their kind's class; other events' evidence is a dotted link.
  const spans = article.spans.filter(s => s.event_id === eventId);
  for (const s of article.spans) {
    if (s.kind === "evidence" && s.event_id !== eventId) spans.push({...s, kind: "other"});
  }
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter(p => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const body = el("div", {class: "text"});
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter(s => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) { body.append(piece); continue; }
    const kinds = [...new Set(covering.map(s => s.kind))];
    const mine = kinds.filter(k => k !== "other");
    const other = covering.find(s => s.kind === "other");
    const node = el("span", {class: (mine.length ? mine : ["other"]).map(k => `hl-${k}`).join(" "),
      title: covering.map(s => s.kind === "other" ? "another event (click)" : s.kind + (s.code ? ` ${s.code}` : "")).join(", ")},
      piece);
    if (!mine.length && other) node.addEventListener("click", () => openEvent(other.cluster_id));
    body.append(node);
  }
  const title = [article.title || article.article_id, article.source, article.published].filter(Boolean).join(" · ");
  panel.replaceChildren(el("h3", {}, title), body);
  const first = panel.querySelector(".hl-evidence");
  if (first) {
    const offset = first.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    panel.scrollTop = Math.max(0, panel.scrollTop + offset - 60);
  }
}

// ---- explain panel ---------------------------------------------------------------------
async function explainSentence(sentence) {
  const out = document.getElementById("explain");
  out.replaceChildren(el("p", {class: "muted"}, "coding…"));
  let data;
  try {
    data = await getJSON("/api/explain", {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({sentence})});
  } catch (error) { out.replaceChildren(el("p", {class: "error"}, String(error))); return; }
  const items = data.events.map(e => el("div", {class: "event", style: `border-left-color:${QUAD_COLORS[e.quad_class]}`},
    el("b", {}, actorLabel(e.source) || "?"), ` (${e.source ? e.source.text : "no source"}) → `,
    el("span", {class: "code"}, e.cameo.code), ` ${e.cameo.label} → `,
    el("b", {}, actorLabel(e.target) || "—"), e.target ? ` (${e.target.text})` : "",
    el("div", {class: "muted"}, `evidence “${e.evidence.text}”; ${e.modality}; date ${e.date.value || "?"} ` +
      `(${e.date.precision})` + (e.location ? `; place ${e.location.name}` : "") +
      ((e.attribution || []).length ? `; according to ${e.attribution.map(a => a.text).join(" → ")}` : ""))));
  out.replaceChildren(items.length ? el("div", {class: "explain-events"}, items)
    : el("p", {class: "muted"}, "no event coded in this sentence"));
  // The `tidings explain` trace, one block per section; the candidates (why each verb or noun
  // did or did not become an event) open, the token-by-token parse folded.
  const sections = (data.explanation && data.explanation.sections) || [];
  out.append(el("div", {class: "explain-trace"}, sections.map(section => {
    const name = section.title.split(" ")[0];
    return el("details", {class: `trace-${name}`, open: name === "parse" ? null : ""},
      el("summary", {}, section.title),
      el("pre", {}, section.lines.map(line => line.replace(/^  /, "")).join("\n")));
  })));
}

// ---- wiring ----------------------------------------------------------------------------
async function refresh() {
  writeURL();
  const jobs = [drawTimeline(), drawMap(), drawNetwork(), drawTable()];
  const results = await Promise.allSettled(jobs);
  for (const r of results) if (r.status === "rejected") console.error(r.reason);
  document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
}

async function main() {
  readURL();
  fillForm();
  document.getElementById("filters").addEventListener("submit", ev => {
    ev.preventDefault();
    state.filters = readForm();
    state.offset = 0;
    refresh();
  });
  document.getElementById("clear").addEventListener("click", () => {
    state.filters = {}; state.offset = 0; fillForm(); refresh();
  });
  document.getElementById("prev").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE); writeURL(); drawTable();
  });
  document.getElementById("next").addEventListener("click", () => {
    state.offset += PAGE; writeURL(); drawTable();
  });
  document.getElementById("map-bbox").addEventListener("click", () => {
    const b = map.getBounds();
    const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(2);
    setFilters({bbox: [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180),
      clamp(b.getNorth(), 90)].join(",")});
  });
  document.getElementById("network-level").addEventListener("change", ev => {
    state.level = ev.target.value; drawNetwork();
  });
  document.getElementById("explain-form").addEventListener("submit", ev => {
    ev.preventDefault();
    const sentence = ev.target.elements.sentence.value.trim() || ev.target.elements.sentence.placeholder;
    explainSentence(sentence);
  });
  getJSON("/api/summary").then(s => {
    document.getElementById("summary").textContent =
      `${s.events} events from ${s.articles} articles, ${s.first_date || "?"} – ${s.last_date || "?"}`;
  });
  await initMap();
  await refresh();
  if (state.event) openEvent(state.event);
}

main();
