// depeche serve: the page's behaviour (state in the URL, calls to /api, rendering of results, facets, histogram and article view).
"use strict";

const PAGE_SIZE = 10;
const FACET_SHOWN = 8;
const SORTS = ["relevance", "newest", "oldest"];
const ENTITY_KINDS = ["per", "loc", "org"];
const KIND_LABEL = { per: "Personnes", loc: "Lieux", org: "Organisations", agency: "Agences" };
const KIND_ONE = { per: "personne", loc: "lieu", org: "organisation" };
const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
  "septembre", "octobre", "novembre", "décembre"];
const MONTHS_SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
  "sept.", "oct.", "nov.", "déc."];
const NUMBER = new Intl.NumberFormat("fr-FR");

/** What the page knows besides the URL: the last answers, requests in flight, UI toggles. */
const view = {
  state: null,
  searchKey: null,
  lastData: null,
  histCache: new Map(),
  kinds: new Map(),
  searchSeq: 0,
  articleSeq: 0,
  articleId: null,
  returnFocusId: null,
  pending: 0,
  searchError: false,
  articleError: false,
  stats: null,
  expanded: { per: false, loc: false, org: false, agency: false },
  drag: null,
  suppressClick: false,
  focusBar: null,
  focusBarPending: false,
  barAnchor: null,
  marks: [],
  markIndex: -1,
};

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------- small helpers

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function plural(n, one, many) {
  return n === 1 || n === 0 ? one : many;
}

function countText(n, one, many) {
  return NUMBER.format(n) + "\u00a0" + plural(n, one, many || one + "s");
}

function unique(list) {
  return [...new Set(list)];
}

function lastDay(period) {
  const [y, m] = period.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function frDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
  if (!m) return iso || "";
  const day = Number(m[3]);
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return iso;
  return (day === 1 ? "1er" : String(day)) + " " + month + " " + m[1];
}

function frMonth(period) {
  const m = /^(\d{4})-(\d{2})$/.exec(period || "");
  if (!m || !MONTHS[Number(m[2]) - 1]) return period || "";
  return MONTHS[Number(m[2]) - 1] + " " + m[1];
}

function frMs(ms) {
  if (typeof ms !== "number" || !Number.isFinite(ms)) return "";
  if (ms < 0.1) return "en moins de 0,1\u00a0ms";
  const digits = ms < 10 ? 1 : 0;
  const f = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return "en " + f.format(ms) + "\u00a0ms";
}

/** « mars 2020 », « mars 2020 – mai 2020 », « du 5 décembre 2019 au 31 janvier 2020 ». */
function frRange(from, to) {
  const monthOf = (d) => d.slice(0, 7);
  const startsMonth = (d) => /^\d{4}-\d{2}-01$/.test(d);
  const endsMonth = (d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && Number(d.slice(8)) === lastDay(monthOf(d));
  if (from && to && startsMonth(from) && endsMonth(to)) {
    return monthOf(from) === monthOf(to) ? frMonth(monthOf(from)) : frMonth(monthOf(from)) + " – " + frMonth(monthOf(to));
  }
  if (from && to) return "du " + frDate(from) + " au " + frDate(to);
  if (from) return "depuis le " + frDate(from);
  return "jusqu’au " + frDate(to);
}

function isEditable(node) {
  if (!node || node === document.body) return false;
  if (node.isContentEditable) return true;
  const tag = node.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

function prefersLessMotion() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

// ---------------------------------------------------------------- state <-> URL

function readState(search) {
  const p = new URLSearchParams(search);
  const page = parseInt(p.get("page") || "", 10);
  const offset = parseInt(p.get("offset") || "", 10);
  let pageNumber = Number.isFinite(page) && page > 0 ? page : 1;
  if (!p.has("page") && Number.isFinite(offset) && offset > 0) pageNumber = Math.floor(offset / PAGE_SIZE) + 1;
  const sort = SORTS.includes(p.get("sort")) ? p.get("sort") : "";
  return {
    q: p.get("q") || "",
    sort,
    from: (p.get("from") || "").trim(),
    to: (p.get("to") || "").trim(),
    entities: unique(p.getAll("entity").map((s) => s.trim()).filter(Boolean)),
    page: pageNumber,
    article: p.get("article") || "",
  };
}

function stateToUrl(state) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  if (state.sort) p.set("sort", state.sort);
  if (state.from) p.set("from", state.from);
  if (state.to) p.set("to", state.to);
  for (const name of state.entities) p.append("entity", name);
  if (state.page > 1) p.set("page", String(state.page));
  if (state.article) p.set("article", state.article);
  const query = p.toString();
  return query ? "/?" + query : "/";
}

function isBrowsing(state) {
  return state.q.trim() === "";
}

function isHome(state) {
  return isBrowsing(state) && state.entities.length === 0 && !state.from && !state.to;
}

function effectiveSort(state) {
  return state.sort || (isBrowsing(state) ? "newest" : "relevance");
}

function searchKey(state) {
  return JSON.stringify([state.q, effectiveSort(state), state.from, state.to, state.entities, state.page]);
}

function histogramKey(state) {
  return JSON.stringify([state.q, state.entities]);
}

function navigate(patch, options = {}) {
  const next = Object.assign({}, view.state, patch);
  const url = stateToUrl(next);
  const entry = { depeche: true, articleFromPage: Boolean(options.fromPage && next.article) };
  if (options.replace) history.replaceState(entry, "", url);
  else if (url !== location.pathname + location.search) history.pushState(entry, "", url);
  render(next);
}

// ---------------------------------------------------------------- fetching

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function getJSON(url) {
  let response;
  try {
    response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  } catch (_) {
    throw new ApiError(0, "network");
  }
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    body = null;
  }
  if (!response.ok) {
    const message = body && typeof body.error === "string" ? body.error : response.statusText || "HTTP " + response.status;
    throw new ApiError(response.status, message);
  }
  if (!body || typeof body !== "object") throw new ApiError(response.status, "réponse illisible du serveur");
  return body;
}

function searchUrl(state, limit, page) {
  const p = new URLSearchParams();
  p.set("q", state.q);
  p.set("limit", String(limit));
  p.set("offset", String((page - 1) * PAGE_SIZE));
  p.set("sort", effectiveSort(state));
  if (state.from) p.set("from", state.from);
  if (state.to) p.set("to", state.to);
  for (const name of state.entities) p.append("entity", name);
  return "/api/search?" + p.toString();
}

function articleUrl(id, q) {
  const base = "/api/article/" + encodeURIComponent(id);
  return q.trim() ? base + "?q=" + encodeURIComponent(q) : base;
}

function begin() {
  view.pending += 1;
  updateBodyState();
}

function end() {
  view.pending = Math.max(0, view.pending - 1);
  updateBodyState();
}

function updateBodyState() {
  let state = "ready";
  if (view.pending > 0) state = "loading";
  else if (view.searchError || view.articleError) state = "error";
  document.body.dataset.state = state;
}

async function runSearch(state) {
  const seq = ++view.searchSeq;
  const histKey = histogramKey(state);
  const dated = Boolean(state.from || state.to);
  const needHistogram = dated && !view.histCache.has(histKey);
  begin();
  if ($("results").childElementCount > 0) $("results").classList.add("stale");
  try {
    const histogram = needHistogram
      ? getJSON(searchUrl(Object.assign({}, state, { from: "", to: "" }), 1, 1)).catch(() => null)
      : Promise.resolve(null);
    const [data, whole] = await Promise.all([getJSON(searchUrl(state, PAGE_SIZE, state.page)), histogram]);
    if (seq !== view.searchSeq) return;
    if (view.histCache.size > 200) view.histCache.clear();
    if (whole && whole.facets) view.histCache.set(histKey, whole.facets.dates || []);
    if (!dated && data.facets) view.histCache.set(histKey, data.facets.dates || []);
    view.searchError = false;
    view.lastData = data;
    renderSearch(state, data);
  } catch (err) {
    if (seq !== view.searchSeq) return;
    view.lastData = null;
    view.searchKey = null;
    if (isHome(state) && err.status !== 0) {
      // The archive's front page lists the latest articles when the server allows an empty query; otherwise just the welcome.
      view.searchError = false;
      renderHomeOnly(state);
    } else {
      view.searchError = true;
      renderSearchError(state, err);
    }
  } finally {
    $("results").classList.remove("stale");
    end();
  }
}

function loadStats() {
  begin();
  getJSON("/api/stats")
    .then((stats) => {
      view.stats = stats;
      renderStats();
    })
    .catch(() => {})
    .finally(end);
}

// ---------------------------------------------------------------- rendering: the whole page

function render(state) {
  view.state = state;
  syncControls(state);
  renderChips(state);
  renderWelcome(state);
  const key = searchKey(state);
  if (key !== view.searchKey) {
    view.searchKey = key;
    if (view.histCache.has(histogramKey(state))) renderTimeline(state, null);
    runSearch(state);
  }
  syncArticle(state);
  updateBodyState();
}

function syncControls(state) {
  const input = $("q");
  if (input.value !== state.q) input.value = state.q;
  $("sort").value = effectiveSort(state);
  document.title = state.q.trim() ? state.q.trim() + " · depeche" : "depeche · archives des dépêches";
  const active = state.entities.length + (state.from || state.to ? 1 : 0);
  $("facets-toggle-count").textContent = active ? countText(active, "filtre actif", "filtres actifs") : "";
}

function renderSearch(state, data) {
  $("error").hidden = true;
  $("error").replaceChildren();
  const facets = data.facets || null;
  if (facets) learnKinds(facets);
  renderNote(data);
  renderTimeline(state, facets);
  renderFacets(state, facets);
  renderSummary(state, data);
  renderHits(state, data);
  renderPager(state, data);
  renderChips(state);
}

function renderHomeOnly(state) {
  $("error").hidden = true;
  clearResults(state);
}

function renderSearchError(state, err) {
  showError($("error"), err, "search");
  clearResults(state);
}

// Hides everything a search shows: note, histogram, summary, hits, pager, facets.
function clearResults(state) {
  $("note").hidden = true;
  $("timeline").hidden = true;
  $("results-head").hidden = true;
  $("pager").hidden = true;
  $("results").replaceChildren();
  renderFacets(state, null);
}

// ---------------------------------------------------------------- welcome, stats, note, errors

function renderStats() {
  const stats = view.stats;
  if (!stats || typeof stats.articles !== "number") return;
  $("archive-size").textContent = countText(stats.articles, "article") + " dans l’archive";
  renderWelcome(view.state);
  if (view.state && !view.lastData) renderFacets(view.state, null);
}

function renderWelcome(state) {
  const box = $("welcome");
  box.hidden = !isHome(state);
  let size = box.querySelector(".welcome-size");
  const stats = view.stats;
  if (!stats || typeof stats.articles !== "number") {
    if (size) size.remove();
    return;
  }
  if (!size) {
    size = el("p", "welcome-size");
    box.append(size);
  }
  size.replaceChildren(el("strong", "", NUMBER.format(stats.articles)),
    " " + plural(stats.articles, "article", "articles") + " dans l’archive");
  if (stats.last_commit) {
    const day = String(stats.last_commit).slice(0, 10);
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) size.append(" · index mis à jour le " + frDate(day));
  }
  if (stats.articles > 0) size.append(" · ci-dessous, les plus récents.");
}

// The server's notes on a repaired query, as a French reader reads them.
const NOTES_FR = {
  "a quote was left open": "un guillemet n’était pas refermé",
  "a parenthesis was left unpaired": "une parenthèse n’était pas appariée",
  "a range was left open": "une période entre crochets n’était pas refermée",
  "AND, OR or NOT had no word on one side": "AND, OR ou NOT n’avait pas de mot d’un côté",
  "a field name had no word after its colon": "un nom de champ n’était suivi d’aucun mot après les deux-points",
  "the query's syntax could not be read": "la syntaxe de la recherche n’a pas pu être lue",
};

function renderNote(data) {
  const note = $("note");
  const notes = Array.isArray(data.notes) ? data.notes.filter((n) => typeof n === "string" && n) : [];
  const understood = typeof data.understood === "string" ? data.understood : null;
  const corrected = typeof data.did_you_mean === "string" ? data.did_you_mean : null;
  const corrections = Array.isArray(data.corrections)
    ? data.corrections.filter((c) => c && typeof c.from === "string") : [];
  if (understood === null && notes.length === 0 && corrected === null) {
    note.hidden = true;
    return;
  }
  note.hidden = false;
  note.querySelector(".note-main").hidden = understood === null;
  $("note-understood").textContent = understood || "";
  // A word no article holds is searched as corrected; a rare one too, below its own hits.
  const instead = corrections.filter((c) => !c.articles);
  const also = corrections.filter((c) => c.articles > 0);
  $("note-corrected").hidden = instead.length === 0;
  $("note-corrected-query").textContent = instead.length ? corrected : "";
  $("note-typed").textContent = instead.map((c) => "« " + c.from + " »").join(", ");
  $("note-also").hidden = also.length === 0;
  $("note-also-words").textContent = also.map((c) => "« " + c.to + " » au lieu de « " + c.from + " »").join(", ");
  const details = $("note-details");
  details.hidden = notes.length === 0;
  const french = notes.map((n) => NOTES_FR[n] || n);
  details.textContent = french.length ? "Pourquoi : " + french.join(" ; ") + "." : "";
}

function errorContent(err, what) {
  if (err.status === 0) {
    return { title: "Le serveur ne répond pas", text: "Vérifiez que « depeche serve » tourne toujours, puis réessayez.", retry: true };
  }
  if (err.status === 400) {
    return { title: "Cette recherche n’a pas pu être lue", detail: err.message,
      text: "Corrigez la recherche ou les filtres ; la syntaxe est expliquée sous le bouton « Syntaxe »." };
  }
  if (err.status === 401 || err.status === 403) {
    return { title: "Accès refusé", detail: err.message,
      text: "Ce serveur demande un jeton : ouvrez l’adresse complète qui vous a été donnée (…/?token=…)." };
  }
  if (err.status === 404) {
    return what === "article"
      ? { title: "Article introuvable", detail: err.message, text: "Il a peut-être quitté l’index depuis ; relancez la recherche." }
      : { title: "Introuvable", detail: err.message, text: "" };
  }
  return { title: "Le serveur a rencontré une erreur", detail: err.message, text: "Réessayez dans un instant.", retry: true };
}

function showError(box, err, what) {
  const content = errorContent(err, what);
  box.replaceChildren(el("h2", "", content.title));
  if (content.detail) {
    const p = el("p", "", "Message du serveur : ");
    p.append(el("span", "error-detail", content.detail));
    box.append(p);
  }
  if (content.text) box.append(el("p", "", content.text));
  if (content.retry) {
    const retry = el("button", "btn", "Réessayer");
    retry.type = "button";
    retry.addEventListener("click", () => retryNow(what));
    box.append(retry);
  }
  box.hidden = false;
}

function retryNow(what) {
  if (what === "article") {
    const id = view.articleId;
    view.articleId = null;
    if (id) openArticle(id, view.state);
    return;
  }
  view.searchKey = null;
  render(view.state);
}

// ---------------------------------------------------------------- results

function renderSummary(state, data) {
  const head = $("results-head");
  const summary = $("summary");
  const total = Number(data.total_hits) || 0;
  const hits = Array.isArray(data.hits) ? data.hits : [];
  const partial = hits.filter((h) => h.partial).length;
  head.hidden = false;
  head.querySelector(".sort-label").hidden = hits.length === 0;
  summary.replaceChildren();
  if (isHome(state)) {
    summary.append(el("strong", "", NUMBER.format(total)), " " + plural(total, "article", "articles") + " dans l’archive");
  } else if (total === 0) {
    summary.append(el("strong", "", "Aucun article"), isBrowsing(state) ? " ne correspond aux filtres" : " ne contient tous les mots");
  } else {
    summary.append(el("strong", "", NUMBER.format(total)), " " + plural(total, "article", "articles"));
    if (!isBrowsing(state)) summary.append(total === 1 ? " contient tous les mots" : " contiennent tous les mots");
    else summary.append(total === 1 ? " correspond aux filtres" : " correspondent aux filtres");
  }
  if (partial > 0) {
    summary.append(" · ", el("span", "partial-count", "+\u00a0" + countText(partial, "résultat partiel", "résultats partiels")));
  }
  const took = frMs(data.took_ms);
  if (took) summary.append(partial > 0 ? " · " : " ", el("span", "took", took));
}

function renderHits(state, data) {
  const box = $("results");
  const hits = Array.isArray(data.hits) ? data.hits : [];
  const total = Number(data.total_hits) || 0;
  box.replaceChildren();
  if (hits.length === 0) {
    box.append(total > 0 ? renderEmptyPage() : renderNoResults(state));
    return;
  }
  let dividerShown = false;
  for (const hit of hits) {
    if (hit.partial && !dividerShown) {
      dividerShown = true;
      box.append(el("p", "partial-divider",
        "Résultats partiels : il manque à ces articles au moins un des mots cherchés."));
    }
    box.append(renderHit(hit, state));
  }
}

function renderHit(hit, state) {
  const node = el("article", hit.partial ? "hit partial" : "hit");
  node.dataset.id = hit.id || "";
  const head = el("div", "hit-head");
  const h3 = el("h3");
  const link = el("a", "hit-title", hit.title || "(sans titre)");
  link.href = stateToUrl(Object.assign({}, state, { article: hit.id }));
  link.dataset.id = hit.id || "";
  h3.append(link);
  head.append(h3);
  if (hit.partial) {
    const badge = el("span", "badge", "partiel");
    badge.title = "Il manque à cet article au moins un des mots cherchés";
    head.append(badge);
  }
  node.append(head);
  const meta = metaLine(hit, "hit-meta");
  if (meta) node.append(meta);
  const snippet = el("p", "snippet");
  snippet.innerHTML = hit.snippet || ""; // HTML escaped by the server, <b> around matches
  node.append(snippet);
  const tags = entityTags(hit.entities);
  if (tags) node.append(tags);
  return node;
}

/** « LYON · 3 mars 2024 · AFP », or the raw dateline when it could not be split. */
function metaLine(item, className) {
  const parts = [];
  if (item.place) parts.push(el("span", "meta-place", item.place));
  if (item.date) {
    const time = el("time", "", frDate(item.date));
    time.dateTime = item.date;
    parts.push(time);
  }
  if (item.agency) parts.push(el("span", "meta-agency", item.agency));
  if (parts.length === 0 && item.dateline) parts.push(el("span", "", item.dateline));
  if (parts.length === 0) return null;
  const p = el("p", className);
  parts.forEach((part, i) => {
    if (i > 0) {
      const sep = el("span", "meta-sep", "·");
      sep.setAttribute("aria-hidden", "true");
      p.append(" ", sep, " ");
    }
    p.append(part);
  });
  if (item.dateline) p.title = item.dateline;
  return p;
}

function entityTags(entities) {
  if (!entities) return null;
  const box = el("p", "hit-tags");
  for (const kind of ENTITY_KINDS) {
    const names = Array.isArray(entities[kind]) ? entities[kind] : [];
    if (names.length === 0) continue;
    const tag = el("span", "tag");
    tag.title = KIND_LABEL[kind];
    const dot = el("span", "kind-dot kind-" + kind);
    dot.setAttribute("aria-hidden", "true");
    const shown = names.slice(0, 3).join(", ") + (names.length > 3 ? " +" + (names.length - 3) : "");
    tag.append(dot, el("span", "sr-only", KIND_LABEL[kind] + " : "), shown);
    box.append(tag);
  }
  return box.childNodes.length ? box : null;
}

function renderNoResults(state) {
  const box = el("div", "empty");
  box.append(el("h3", "", "Aucun article ne correspond."));
  const list = el("ul");
  for (const name of state.entities) {
    const li = el("li", "", "Retirez le filtre ");
    const button = el("button", "link-btn", name);
    button.type = "button";
    button.setAttribute("aria-label", "Retirer le filtre " + name);
    button.addEventListener("click", () => removeEntity(name));
    li.append(button);
    list.append(li);
  }
  if (state.from || state.to) {
    const li = el("li", "", "Élargissez la période : ");
    const button = el("button", "link-btn", "toutes les dates");
    button.type = "button";
    button.addEventListener("click", clearDates);
    li.append(button);
    list.append(li);
  }
  if (!isBrowsing(state)) {
    list.append(el("li", "", "Vérifiez l’orthographe, ou essayez un mot plus général ou un synonyme."));
    if (state.q.includes("\"")) list.append(el("li", "", "Une expression entre guillemets doit figurer telle quelle : essayez sans les guillemets."));
    if (/\b\w+:/.test(state.q)) list.append(el("li", "", "Un champ (title:, per:, loc:…) restreint beaucoup : essayez le mot seul."));
  }
  const li = el("li", "", "Revoyez la ");
  const syntax = el("button", "link-btn", "syntaxe de recherche");
  syntax.type = "button";
  syntax.addEventListener("click", () => setSyntaxOpen(true));
  li.append(syntax, ".");
  list.append(li);
  box.append(list);
  return box;
}

function renderEmptyPage() {
  const box = el("div", "empty");
  box.append(el("h3", "", "Cette page est vide."));
  const p = el("p", "", "Les résultats s’arrêtent avant. ");
  const button = el("button", "link-btn", "Revenir à la première page");
  button.type = "button";
  button.addEventListener("click", () => navigate({ page: 1, article: "" }));
  p.append(button);
  box.append(p);
  return box;
}

function pageCount(data) {
  const total = Number(data.total_hits) || 0;
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

function renderPager(state, data) {
  const pages = pageCount(data);
  const pager = $("pager");
  pager.hidden = pages <= 1 && state.page <= 1;
  $("page-label").textContent = "Page " + NUMBER.format(state.page) + " sur " + NUMBER.format(pages);
  $("prev").disabled = state.page <= 1;
  $("next").disabled = state.page >= pages;
}

// ---------------------------------------------------------------- facets and chips

function learnKinds(facets) {
  for (const kind of ENTITY_KINDS) {
    for (const item of facets[kind] || []) if (item && item.name && !view.kinds.has(item.name)) view.kinds.set(item.name, kind);
  }
}

function agencyClause(name) {
  return "agency:\"" + name + "\"";
}

function renderFacets(state, facets) {
  const body = $("facets-body");
  body.replaceChildren();
  let shown = 0;
  if (facets) {
    for (const kind of ENTITY_KINDS) {
      const items = (facets[kind] || []).filter((i) => i && i.name);
      if (items.length === 0) continue;
      body.append(renderFacet(kind, items, state));
      shown += 1;
    }
    const agencies = (facets.agency || []).filter((i) => i && i.name);
    if (agencies.length > 0) {
      body.append(renderFacet("agency", agencies, state));
      shown += 1;
    }
  }
  if (shown === 0 || (view.stats && view.stats.entities === false)) {
    let text = facets ? "Aucune personne, aucun lieu ni organisation pour ces articles." : "Les filtres apparaissent avec les résultats.";
    if (view.stats && view.stats.entities === false) {
      text = "Cet index ne connaît pas les personnes, lieux et organisations : reconstruisez-le avec « depeche index --entities ».";
    }
    body.append(el("p", "facets-empty", text));
  }
}

function renderFacet(kind, items, state) {
  const section = el("section", "facet");
  section.dataset.kind = kind;
  const titleId = "facet-title-" + kind;
  section.setAttribute("aria-labelledby", titleId);
  const h3 = el("h3");
  h3.id = titleId;
  const dot = el("span", "kind-dot kind-" + kind);
  dot.setAttribute("aria-hidden", "true");
  h3.append(dot, KIND_LABEL[kind]);
  section.append(h3);
  const list = el("ul");
  const expanded = view.expanded[kind];
  const visible = expanded ? items : items.slice(0, FACET_SHOWN);
  for (const item of visible) {
    const li = el("li");
    const count = Number(item.count) || 0;
    const button = el("button", kind === "agency" ? "fitem agency-item" : "fitem facet-item");
    button.type = "button";
    button.dataset.name = item.name;
    const pressed = kind === "agency" ? state.q.includes(agencyClause(item.name)) : state.entities.includes(item.name);
    button.setAttribute("aria-pressed", String(pressed));
    button.title = kind === "agency"
      ? (pressed ? "Retirer " : "Ajouter ") + agencyClause(item.name) + (pressed ? " de la recherche" : " à la recherche")
      : (pressed ? "Retirer le filtre " : "Filtrer sur ") + item.name;
    button.setAttribute("aria-label", item.name + ", " + countText(count, "article"));
    button.append(el("span", "fitem-name", item.name), el("span", "fitem-count", NUMBER.format(count)));
    li.append(button);
    list.append(li);
  }
  section.append(list);
  if (items.length > FACET_SHOWN) {
    const more = el("button", "link-btn facet-more",
      expanded ? "Afficher moins" : moreText(items.length - FACET_SHOWN));
    more.type = "button";
    more.dataset.kind = kind;
    more.setAttribute("aria-expanded", String(expanded));
    section.append(more);
  }
  return section;
}

function moreText(n) {
  return n === 1 ? "Afficher 1 autre" : "Afficher les " + NUMBER.format(n) + " autres";
}

function onFacetsClick(event) {
  const more = event.target.closest(".facet-more");
  if (more) {
    const kind = more.dataset.kind;
    view.expanded[kind] = !view.expanded[kind];
    if (view.lastData) renderFacets(view.state, view.lastData.facets || null);
    const again = $("facets").querySelector(".facet-more[data-kind=\"" + kind + "\"]");
    if (again) again.focus();
    return;
  }
  const item = event.target.closest(".fitem");
  if (!item) return;
  const name = item.dataset.name;
  if (item.classList.contains("agency-item")) {
    toggleAgency(name);
    return;
  }
  if (view.state.entities.includes(name)) removeEntity(name);
  else addEntity(name);
}

function addEntity(name) {
  if (view.state.entities.includes(name)) return;
  navigate({ entities: view.state.entities.concat([name]), page: 1, article: "" });
}

function removeEntity(name) {
  navigate({ entities: view.state.entities.filter((n) => n !== name), page: 1, article: "" });
}

function toggleAgency(name) {
  const clause = agencyClause(name);
  const q = view.state.q.includes(clause)
    ? view.state.q.split(clause).join(" ").replace(/\s+/g, " ").trim()
    : (view.state.q.trim() + " " + clause).trim();
  navigate({ q, page: 1, article: "" });
}

function clearDates() {
  navigate({ from: "", to: "", page: 1, article: "" });
}

function renderChips(state) {
  const box = $("chips");
  box.replaceChildren();
  const dated = Boolean(state.from || state.to);
  if (state.entities.length === 0 && !dated) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.append(el("span", "chips-label", "Filtres :"));
  for (const name of state.entities) {
    const kind = view.kinds.get(name) || "any";
    const chip = el("button", "pill chip");
    chip.type = "button";
    chip.dataset.name = name;
    chip.setAttribute("aria-label", "Retirer le filtre " + name);
    chip.title = (KIND_ONE[kind] ? KIND_ONE[kind][0].toUpperCase() + KIND_ONE[kind].slice(1) + " · " : "") + "retirer le filtre";
    const dot = el("span", "kind-dot kind-" + kind);
    dot.setAttribute("aria-hidden", "true");
    const x = el("span", "pill-x", "×");
    x.setAttribute("aria-hidden", "true");
    chip.append(dot, el("span", "pill-name", name), x);
    box.append(chip);
  }
  if (dated) {
    const label = frRange(state.from, state.to);
    const pill = el("button", "pill pill-date");
    pill.type = "button";
    pill.setAttribute("aria-label", "Retirer le filtre de dates : " + label);
    pill.title = "Retirer le filtre de dates";
    const dot = el("span", "kind-dot kind-date");
    dot.setAttribute("aria-hidden", "true");
    const x = el("span", "pill-x", "×");
    x.setAttribute("aria-hidden", "true");
    pill.append(dot, el("span", "pill-name", label), x);
    box.append(pill);
  }
  if (state.entities.length + (dated ? 1 : 0) >= 2) {
    const all = el("button", "link-btn chips-clear", "Tout effacer");
    all.type = "button";
    box.append(all);
  }
}

function onChipsClick(event) {
  const target = event.target.closest("button");
  if (!target) return;
  const buttons = [...$("chips").querySelectorAll("button.pill")];
  const index = buttons.indexOf(target);
  if (target.classList.contains("chips-clear")) {
    navigate({ entities: [], from: "", to: "", page: 1, article: "" });
    $("q").focus();
    return;
  }
  if (target.classList.contains("pill-date")) clearDates();
  else if (target.classList.contains("chip")) removeEntity(target.dataset.name);
  const left = [...$("chips").querySelectorAll("button.pill")];
  const next = left[Math.min(index, left.length - 1)];
  if (next && !$("chips").hidden) next.focus();
  else $("q").focus();
}

// ---------------------------------------------------------------- histogram

/** The months from the first to the last period, months without article at zero. */
function fillMonths(dates) {
  const counts = new Map();
  for (const d of dates || []) {
    if (d && /^\d{4}-\d{2}$/.test(d.period)) counts.set(d.period, (counts.get(d.period) || 0) + (Number(d.count) || 0));
  }
  if (counts.size === 0) return [];
  const periods = [...counts.keys()].sort();
  let [y, m] = periods[0].split("-").map(Number);
  const [ly, lm] = periods[periods.length - 1].split("-").map(Number);
  const months = [];
  while (y < ly || (y === ly && m <= lm)) {
    const period = y + "-" + String(m).padStart(2, "0");
    months.push({ period, count: counts.get(period) || 0 });
    m += 1;
    if (m > 12) { m = 1; y += 1; }
    if (months.length > 2400) break;
  }
  return months;
}

function monthInRange(period, from, to) {
  const start = period + "-01";
  const end = period + "-" + String(lastDay(period)).padStart(2, "0");
  return (!from || end >= from) && (!to || start <= to);
}

function renderTimeline(state, facets) {
  const section = $("timeline");
  const cached = view.histCache.get(histogramKey(state));
  const dates = cached || (facets && facets.dates) || [];
  const months = fillMonths(dates);
  const dated = Boolean(state.from || state.to);
  $("dates-reset").hidden = !dated;
  const rangeLabel = $("range-label");
  rangeLabel.hidden = !dated;
  rangeLabel.textContent = dated ? "Période : " + frRange(state.from, state.to) : "";
  const histogram = $("histogram");
  const hadFocus = histogram.contains(document.activeElement);
  if (months.length === 0) {
    section.hidden = !dated;
    histogram.replaceChildren();
    $("timeline-meta").textContent = dated ? "aucun article daté" : "";
    return;
  }
  section.hidden = false;
  const max = Math.max(1, ...months.map((m) => m.count));
  const peak = months.find((m) => m.count === max);
  const sum = months.reduce((a, m) => a + m.count, 0);
  const meta = $("timeline-meta");
  meta.textContent = (months.length > 1
    ? frMonth(months[0].period) + " – " + frMonth(months[months.length - 1].period)
    : frMonth(months[0].period)) + " · " + countText(sum, "article daté", "articles datés") +
    (peak && months.length > 1 ? " · pic : " + NUMBER.format(peak.count) + " en " + frMonth(peak.period) : "");
  meta.title = meta.textContent;

  const bars = el("div", months.length > 90 ? "bars dense" : "bars");
  if (dated) bars.classList.add("has-range");
  const years = months.length / 12;
  const step = years > 30 ? 10 : years > 16 ? 5 : years > 8 ? 2 : 1;
  const small = months.length <= 14;
  let focusIndex = -1;
  months.forEach((month, i) => {
    const bar = el("button", "bar");
    bar.type = "button";
    bar.dataset.period = month.period;
    bar.dataset.count = String(month.count);
    bar.tabIndex = -1;
    bar.setAttribute("aria-label", tipText(month.period, month.period, month.count));
    const inRange = dated && monthInRange(month.period, state.from, state.to);
    if (inRange) bar.classList.add("in-range");
    if (dated) bar.setAttribute("aria-pressed", String(inRange));
    if (month.count === 0) bar.classList.add("zero");
    const fill = el("span", "bar-fill");
    fill.style.height = month.count === 0 ? "1px" : Math.max(3, Math.round((month.count / max) * 100)) + "%";
    bar.append(fill);
    const [year, mm] = month.period.split("-").map(Number);
    let label = null;
    if (small) label = MONTHS_SHORT[mm - 1];
    else if (mm === 1 && year % step === 0) label = String(year);
    else if (i === 0 && step === 1 && mm <= 9) label = String(year);
    if (label) {
      const span = el("span", "bar-year", label);
      span.setAttribute("aria-hidden", "true");
      bar.append(span);
    }
    if (view.focusBar === month.period) focusIndex = i;
    else if (focusIndex < 0 && inRange) focusIndex = i;
    bars.append(bar);
  });
  if (focusIndex < 0) focusIndex = months.length - 1;
  bars.children[focusIndex].tabIndex = 0;
  const tip = el("div", "hist-tip");
  tip.hidden = true;
  tip.setAttribute("aria-hidden", "true");
  histogram.replaceChildren(bars, tip);
  if (hadFocus || view.focusBarPending) {
    view.focusBarPending = false;
    bars.children[focusIndex].focus();
  }
}

function tipText(first, last, count) {
  const label = first === last ? frMonth(first) : frMonth(first) + " – " + frMonth(last);
  return label + " : " + countText(count, "article");
}

function barList() {
  return [...$("histogram").querySelectorAll(".bar")];
}

function showTip(bars, first, last) {
  const tip = $("histogram").querySelector(".hist-tip");
  if (!tip || !bars[first]) return;
  const lo = Math.min(first, last);
  const hi = Math.max(first, last);
  let count = 0;
  for (let i = lo; i <= hi; i++) count += Number(bars[i].dataset.count) || 0;
  tip.textContent = tipText(bars[lo].dataset.period, bars[hi].dataset.period, count);
  tip.hidden = false;
  const a = bars[lo];
  const b = bars[hi];
  const center = (a.offsetLeft + b.offsetLeft + b.offsetWidth) / 2;
  const width = tip.offsetWidth;
  const room = $("histogram").clientWidth;
  const left = Math.min(Math.max(center, width / 2), Math.max(width / 2, room - width / 2));
  tip.style.left = left + "px";
  tip.style.top = "-" + (tip.offsetHeight + 2) + "px";
}

function hideTip() {
  const tip = $("histogram").querySelector(".hist-tip");
  if (tip) tip.hidden = true;
}

function barIndexAt(bars, x) {
  if (bars.length === 0) return -1;
  for (let i = 0; i < bars.length; i++) {
    if (x < bars[i].getBoundingClientRect().right) return i;
  }
  return bars.length - 1;
}

function markDrag(bars, first, last) {
  const lo = Math.min(first, last);
  const hi = Math.max(first, last);
  bars.forEach((bar, i) => bar.classList.toggle("drag", i >= lo && i <= hi));
}

function selectMonths(firstPeriod, lastPeriod) {
  const [a, b] = firstPeriod <= lastPeriod ? [firstPeriod, lastPeriod] : [lastPeriod, firstPeriod];
  const from = a + "-01";
  const to = b + "-" + String(lastDay(b)).padStart(2, "0");
  const state = view.state;
  view.barAnchor = a === b ? a : view.barAnchor;
  if (state.from === from && state.to === to) {
    clearDates();
    return;
  }
  navigate({ from, to, page: 1, article: "" });
}

function onBarsPointerDown(event) {
  const bar = event.target.closest(".bar");
  if (!bar || event.button !== 0 || !event.isPrimary) return;
  const bars = barList();
  const start = bars.indexOf(bar);
  view.drag = { pointerId: event.pointerId, start, end: start, bars };
  window.addEventListener("pointermove", onDragMove);
  window.addEventListener("pointerup", onDragEnd);
  window.addEventListener("pointercancel", onDragCancel);
}

function onDragMove(event) {
  const drag = view.drag;
  if (!drag || event.pointerId !== drag.pointerId) return;
  const i = barIndexAt(drag.bars, event.clientX);
  if (i < 0 || i === drag.end) return;
  drag.end = i;
  markDrag(drag.bars, drag.start, drag.end);
  showTip(drag.bars, drag.start, drag.end);
}

function stopDrag() {
  window.removeEventListener("pointermove", onDragMove);
  window.removeEventListener("pointerup", onDragEnd);
  window.removeEventListener("pointercancel", onDragCancel);
  const drag = view.drag;
  view.drag = null;
  return drag;
}

function onDragEnd(event) {
  const drag = view.drag;
  if (!drag || event.pointerId !== drag.pointerId) return;
  stopDrag();
  if (drag.start === drag.end) {
    markDrag(drag.bars, -1, -1);
    return; // a plain click: the click handler selects the month
  }
  view.suppressClick = true;
  setTimeout(() => { view.suppressClick = false; }, 0);
  hideTip();
  selectMonths(drag.bars[drag.start].dataset.period, drag.bars[drag.end].dataset.period);
}

function onDragCancel(event) {
  const drag = view.drag;
  if (!drag || event.pointerId !== drag.pointerId) return;
  stopDrag();
  markDrag(drag.bars, -1, -1);
  hideTip();
}

function onBarsClick(event) {
  if (view.suppressClick) {
    view.suppressClick = false;
    return;
  }
  const bar = event.target.closest(".bar");
  if (!bar) return;
  view.focusBar = bar.dataset.period;
  if (event.detail === 0) view.focusBarPending = true; // keyboard: keep focus on the bar once redrawn
  selectMonths(bar.dataset.period, bar.dataset.period);
}

function onBarsKeyDown(event) {
  const bar = event.target.closest(".bar");
  if (!bar) return;
  const bars = barList();
  const i = bars.indexOf(bar);
  let next = -1;
  if (event.key === "ArrowRight" || event.key === "ArrowUp") next = Math.min(bars.length - 1, i + 1);
  else if (event.key === "ArrowLeft" || event.key === "ArrowDown") next = Math.max(0, i - 1);
  else if (event.key === "Home") next = 0;
  else if (event.key === "End") next = bars.length - 1;
  else if (event.key === "PageUp") next = Math.min(bars.length - 1, i + 12);
  else if (event.key === "PageDown") next = Math.max(0, i - 12);
  else if (event.key === "Enter" && event.shiftKey) {
    event.preventDefault();
    const anchor = view.barAnchor || (view.state.from ? view.state.from.slice(0, 7) : bar.dataset.period);
    view.focusBar = bar.dataset.period;
    view.focusBarPending = true;
    selectMonths(anchor, bar.dataset.period);
    return;
  }
  if (next < 0) return;
  event.preventDefault();
  bars.forEach((b) => { b.tabIndex = -1; });
  bars[next].tabIndex = 0;
  bars[next].focus();
  view.focusBar = bars[next].dataset.period;
}

function onBarsOver(event) {
  if (!view.drag) tipForBar(event);
}

function onBarsFocus(event) {
  tipForBar(event);
}

// Shows the tooltip of the bar an event happened on, if any.
function tipForBar(event) {
  const bar = event.target.closest(".bar");
  if (!bar) return;
  const bars = barList();
  const i = bars.indexOf(bar);
  showTip(bars, i, i);
}

// ---------------------------------------------------------------- article view

function syncArticle(state) {
  if (!state.article) {
    if (view.articleId) closeArticleView();
    return;
  }
  if (state.article === view.articleId) return;
  openArticle(state.article, state);
}

function setPageInert(inert) {
  for (const node of document.querySelectorAll("body > header, body > .layout, body > footer, body > .skip")) {
    node.inert = inert;
  }
  document.body.classList.toggle("modal-open", inert);
}

function openArticle(id, state) {
  const wasOpen = Boolean(view.articleId);
  view.articleId = id;
  if (!view.returnFocusId) view.returnFocusId = id;
  const seq = ++view.articleSeq;
  const box = $("article");
  box.hidden = false;
  setPageInert(true);
  $("article-error-box") && $("article-error-box").remove();
  $("article-meta").replaceChildren();
  $("article-entities").replaceChildren();
  $("article-source").replaceChildren();
  $("article-occ").hidden = true;
  const title = $("article-title");
  title.textContent = "Chargement de l’article…";
  title.classList.add("article-loading");
  $("article-body").replaceChildren();
  $("article-scroll").scrollTop = 0;
  if (!wasOpen || !box.contains(document.activeElement)) title.focus();
  begin();
  getJSON(articleUrl(id, state.q))
    .then((article) => {
      if (seq !== view.articleSeq) return;
      view.articleError = false;
      fillArticle(article);
    })
    .catch((err) => {
      if (seq !== view.articleSeq) return;
      view.articleError = true;
      title.classList.remove("article-loading");
      title.textContent = "Article indisponible";
      const box2 = el("div", "error");
      box2.id = "article-error-box";
      box2.setAttribute("role", "alert");
      showError(box2, err, "article");
      $("article-body").replaceChildren(box2);
    })
    .finally(end);
}

function fillArticle(article) {
  const title = $("article-title");
  title.classList.remove("article-loading");
  if (article.title_html) title.innerHTML = article.title_html; // escaped by the server, <b> around matches
  else title.textContent = article.title || "(sans titre)";
  const meta = metaLine(article, "article-meta");
  $("article-meta").replaceChildren(...(meta ? [...meta.childNodes] : []));
  if (article.dateline) $("article-meta").title = article.dateline;

  const entities = $("article-entities");
  entities.replaceChildren();
  for (const kind of ENTITY_KINDS) {
    const names = article.entities && Array.isArray(article.entities[kind]) ? article.entities[kind] : [];
    if (names.length === 0) continue;
    const row = el("div", "ent-row");
    const label = el("span", "ent-kind");
    const dot = el("span", "kind-dot kind-" + kind);
    dot.setAttribute("aria-hidden", "true");
    label.append(dot, KIND_LABEL[kind]);
    row.append(label);
    for (const name of names) {
      const button = el("button", "ent", name);
      button.type = "button";
      button.dataset.name = name;
      button.title = "Filtrer les résultats sur " + name;
      button.setAttribute("aria-label", "Filtrer les résultats sur " + name);
      row.append(button);
      if (!view.kinds.has(name)) view.kinds.set(name, kind);
    }
    entities.append(row);
  }

  const body = $("article-body");
  body.replaceChildren();
  const paragraphs = Array.isArray(article.paragraphs) ? article.paragraphs : [];
  for (const html of paragraphs) {
    const p = el("p", "paragraph");
    p.innerHTML = html; // escaped by the server, <b> around matches
    body.append(p);
  }
  if (paragraphs.length === 0) body.append(el("p", "article-loading", "Cet article n’a pas de texte."));

  const source = $("article-source");
  source.replaceChildren();
  if (article.path) source.append("Fichier : ", el("code", "", article.path));

  view.marks = [...$("article-scroll").querySelectorAll(".article-title b, .article-body b")];
  view.markIndex = -1;
  const occ = $("article-occ");
  occ.hidden = view.marks.length === 0;
  $("article-occ-count").textContent = countText(view.marks.length, "occurrence");
}

function stepMark(delta) {
  const marks = view.marks;
  if (marks.length === 0) return;
  if (view.markIndex >= 0 && marks[view.markIndex]) marks[view.markIndex].classList.remove("current");
  view.markIndex = (view.markIndex + delta + marks.length) % marks.length;
  const mark = marks[view.markIndex];
  mark.classList.add("current");
  mark.scrollIntoView({ block: "center", behavior: prefersLessMotion() ? "auto" : "smooth" });
  $("article-occ-count").textContent = NUMBER.format(view.markIndex + 1) + " sur " + countText(marks.length, "occurrence");
}

function closeArticleView() {
  view.articleId = null;
  view.articleSeq += 1;
  view.articleError = false;
  view.marks = [];
  $("article").hidden = true;
  setPageInert(false);
  const id = view.returnFocusId;
  view.returnFocusId = null;
  const link = id ? document.querySelector(".hit-title[data-id=\"" + CSS.escape(id) + "\"]") : null;
  if (link) link.focus();
  else $("main").focus({ preventScroll: true });
  updateBodyState();
}

function requestCloseArticle() {
  if (history.state && history.state.articleFromPage) history.back();
  else navigate({ article: "" });
}

function onArticleClick(event) {
  if (event.target.closest("[data-close]") || event.target.closest("#article-close")) {
    requestCloseArticle();
    return;
  }
  const ent = event.target.closest(".ent");
  if (ent) {
    const name = ent.dataset.name;
    view.returnFocusId = null;
    navigate({ entities: unique(view.state.entities.concat([name])), page: 1, article: "" });
  }
}

// ---------------------------------------------------------------- controls

function setSyntaxOpen(open) {
  $("syntax").hidden = !open;
  $("syntax-toggle").setAttribute("aria-expanded", String(open));
  if (open) $("syntax").scrollIntoView({ block: "nearest" });
}

function onSubmit(event) {
  event.preventDefault();
  const q = $("q").value.trim();
  view.searchKey = null; // Enter on the same query searches again (after an error, say)
  navigate({ q, page: 1, article: "" });
  if (window.matchMedia("(max-width: 700px)").matches) $("q").blur();
}

function onResultsClick(event) {
  const link = event.target.closest(".hit-title");
  if (!link) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  view.returnFocusId = link.dataset.id;
  navigate({ article: link.dataset.id }, { fromPage: true });
}

function goToPage(page) {
  navigate({ page, article: "" });
  const head = $("results-head");
  if (head.getBoundingClientRect().top < 0) head.scrollIntoView({ block: "start" });
}

function onKeyDown(event) {
  if (event.key === "Escape") {
    if (!$("article").hidden) {
      event.preventDefault();
      requestCloseArticle();
      return;
    }
    if (!$("syntax").hidden && ($("syntax").contains(event.target) || event.target === $("syntax-toggle"))) {
      setSyntaxOpen(false);
      $("syntax-toggle").focus();
    }
    return;
  }
  if (!$("article").hidden) {
    if ((event.key === "n" || event.key === "N") && !isEditable(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      stepMark(event.shiftKey ? -1 : 1);
    }
    return;
  }
  if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target)) {
    event.preventDefault();
    const input = $("q");
    input.focus();
    input.select();
  }
}

function goHome(event) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate({ q: "", sort: "", from: "", to: "", entities: [], page: 1, article: "" });
  $("q").focus();
}

function bind() {
  $("search-form").addEventListener("submit", onSubmit);
  $("syntax-toggle").addEventListener("click", () => setSyntaxOpen($("syntax").hidden));
  $("sort").addEventListener("change", (e) => navigate({ sort: e.target.value, page: 1, article: "" }));
  $("results").addEventListener("click", onResultsClick);
  $("facets").addEventListener("click", onFacetsClick);
  $("chips").addEventListener("click", onChipsClick);
  $("prev").addEventListener("click", () => goToPage(Math.max(1, view.state.page - 1)));
  $("next").addEventListener("click", () => goToPage(view.state.page + 1));
  $("dates-reset").addEventListener("click", () => { clearDates(); $("q").focus({ preventScroll: true }); });
  $("article").addEventListener("click", onArticleClick);
  $("occ-prev").addEventListener("click", () => stepMark(-1));
  $("occ-next").addEventListener("click", () => stepMark(1));
  $("home").addEventListener("click", goHome);
  document.querySelector(".foot-link").addEventListener("click", goHome);
  $("facets-toggle").addEventListener("click", () => {
    const open = !$("facets").classList.contains("open");
    $("facets").classList.toggle("open", open);
    $("facets-toggle").setAttribute("aria-expanded", String(open));
  });
  const histogram = $("histogram");
  histogram.addEventListener("pointerdown", onBarsPointerDown);
  histogram.addEventListener("click", onBarsClick);
  histogram.addEventListener("keydown", onBarsKeyDown);
  histogram.addEventListener("pointerover", onBarsOver);
  histogram.addEventListener("pointerleave", () => { if (!view.drag) hideTip(); });
  histogram.addEventListener("focusin", onBarsFocus);
  histogram.addEventListener("focusout", () => { if (!view.drag) hideTip(); });
  document.addEventListener("keydown", onKeyDown);
  window.addEventListener("popstate", () => render(readState(location.search)));
}

function start() {
  bind();
  const params = new URLSearchParams(location.search);
  const state = readState(location.search);
  if (params.has("token") || params.has("offset")) {
    // The server has set its cookie by now: the secret leaves the address bar and the history.
    history.replaceState({ depeche: true, articleFromPage: false }, "", stateToUrl(state));
  }
  loadStats();
  render(state);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
