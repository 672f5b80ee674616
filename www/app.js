// The page: a corpus of articles, an editor, the selected article's figures highlighted,
// and the findings that involve it. All checking happens in figcheck's WebAssembly core;
// this file only moves text in and draws what comes back. User text is only ever put in
// the page with textContent, never as HTML.
import init, { Checker, demoCorpus } from "./pkg/figcheck.js";

const STORAGE_KEY = "figcheck.articles.v1";
const RECHECK_DELAY_MS = 250;

const $ = (id) => document.getElementById(id);

/** Articles as the user sees them: [{id, title, text}]. */
let articles = [];
let selectedId = null;
let checker = null;

function loadArticles() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved) {
      const parsed = JSON.parse(saved);
      if (Array.isArray(parsed) && parsed.length > 0) return parsed;
    }
  } catch (error) {
    setStatus(`Could not read saved articles (${error.message}); showing the demo articles.`);
  }
  return demoCorpus();
}

function saveArticles() {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(articles));
  } catch (error) {
    setStatus(`Could not save: ${error.message}. Your text is still in the editor.`);
  }
}

function setStatus(message) {
  $("status").textContent = message;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderArticleList(findingCounts) {
  const list = $("article-list");
  list.replaceChildren();
  for (const article of articles) {
    const item = element("li");
    const button = element("button", "article-button", article.title || "Untitled");
    button.type = "button";
    button.dataset.id = article.id;
    if (article.id === selectedId) button.setAttribute("aria-current", "true");
    const count = findingCounts.get(article.id) ?? 0;
    if (count > 0) {
      const badge = element("span", "badge", String(count));
      badge.setAttribute("aria-label", `${count} findings`);
      button.append(" ", badge);
    }
    button.addEventListener("click", () => select(article.id));
    item.append(button);
    list.append(item);
  }
}

/** The article's text with its figures as <mark> elements; offsets are UTF-16. */
function renderReading(article, report, contradicted) {
  const reading = $("reading");
  reading.replaceChildren();
  const text = article.text;
  let at = 0;
  const figures = report.figures.filter((f) => f.doc === article.id).sort((a, b) => a.start - b.start);
  for (const figure of figures) {
    if (figure.start < at) continue;
    reading.append(document.createTextNode(text.slice(at, figure.start)));
    const mark = element("mark", `figure kind-${figure.kind}`, text.slice(figure.start, figure.end));
    mark.dataset.figure = figure.id;
    mark.title = figure.reading || figure.kind;
    mark.setAttribute("aria-label", `${figure.text}: ${figure.kind}${figure.reading ? ", " + figure.reading : ""}`);
    if (figure.boilerplate) mark.classList.add("boilerplate");
    if (contradicted.has(figure.id)) mark.classList.add("contradicted");
    reading.append(mark);
    at = figure.end;
  }
  reading.append(document.createTextNode(text.slice(at)));
  $("figure-count").textContent = `(${figures.length})`;
}

function quoteBlock(side) {
  const article = articles.find((a) => a.id === side.doc);
  const block = element("blockquote", "quote");
  const source = element("button", "quote-source", article ? article.title : side.doc);
  source.type = "button";
  source.addEventListener("click", () => select(side.doc, side.figure));
  const sentence = side.sentence.text;
  const from = side.start - side.sentence.start;
  const to = side.end - side.sentence.start;
  const body = element("p");
  body.append(document.createTextNode(sentence.slice(0, from)));
  body.append(element("mark", "quoted", sentence.slice(from, to)));
  body.append(document.createTextNode(sentence.slice(to)));
  block.append(body, source);
  return block;
}

function renderFindings(report) {
  const list = $("finding-list");
  list.replaceChildren();
  const shown = report.findings;
  $("finding-count").textContent = `(${shown.length})`;
  if (shown.length === 0) {
    list.append(element("p", "empty", "No findings for this article against the others loaded."));
    return;
  }
  for (const finding of shown) {
    const card = element("article", `finding severity-${finding.severity} kind-${finding.kind}`);
    const heading = element("h3");
    heading.append(element("span", "finding-kind", finding.kind.replaceAll("_", " ")));
    heading.append(element("span", "finding-meta", ` · ${finding.severity} · confidence ${finding.confidence}`));
    card.append(heading, element("p", "explanation", finding.explanation));
    const sides = element("div", "sides");
    sides.append(quoteBlock(finding.a), quoteBlock(finding.b));
    card.append(sides);
    list.append(card);
  }
}

/** Re-checks and redraws everything for the selected article. */
function refresh() {
  const article = articles.find((a) => a.id === selectedId);
  const full = checker.report();
  const counts = new Map();
  for (const finding of full.findings) {
    if (finding.kind === "corroboration" || finding.kind === "not_comparable") continue;
    for (const doc of new Set([finding.a.doc, finding.b.doc])) counts.set(doc, (counts.get(doc) ?? 0) + 1);
  }
  renderArticleList(counts);
  if (!article) return;
  const report = checker.reportFor(article.id);
  const contradicted = new Set();
  for (const finding of report.findings) {
    if (finding.kind === "corroboration") continue;
    for (const side of [finding.a, finding.b]) if (side.figure) contradicted.add(side.figure);
  }
  renderReading(article, report, contradicted);
  renderFindings(report);
}

function select(id, figureId) {
  const article = articles.find((a) => a.id === id);
  if (!article) return;
  selectedId = id;
  $("article-title").value = article.title;
  $("article-text").value = article.text;
  refresh();
  if (figureId) {
    const mark = document.querySelector(`mark[data-figure="${CSS.escape(figureId)}"]`);
    mark?.scrollIntoView({ block: "center" });
    mark?.classList.add("focused");
  }
}

function updateSelected() {
  const article = articles.find((a) => a.id === selectedId);
  if (!article) return;
  article.title = $("article-title").value;
  article.text = $("article-text").value;
  try {
    checker.set(article.id, article.title, article.text);
    setStatus("");
  } catch (error) {
    setStatus(error.message);
  }
  saveArticles();
  refresh();
}

let pending = null;
function scheduleUpdate() {
  clearTimeout(pending);
  pending = setTimeout(updateSelected, RECHECK_DELAY_MS);
}

function newArticle() {
  const id = `article-${Date.now().toString(36)}`;
  articles.push({ id, title: `Article ${articles.length + 1}`, text: "" });
  checker.set(id, articles.at(-1).title, "");
  saveArticles();
  select(id);
  $("article-text").focus();
}

function resetDemo() {
  for (const article of articles) checker.remove(article.id);
  articles = demoCorpus();
  for (const article of articles) checker.set(article.id, article.title, article.text);
  saveArticles();
  select(articles[0].id);
}

async function main() {
  await init();
  checker = new Checker();
  articles = loadArticles();
  for (const article of articles) {
    try {
      checker.set(article.id, article.title, article.text);
    } catch (error) {
      setStatus(`${article.title}: ${error.message}`);
    }
  }
  $("article-title").addEventListener("input", scheduleUpdate);
  $("article-text").addEventListener("input", scheduleUpdate);
  $("new-article").addEventListener("click", newArticle);
  $("reset-demo").addEventListener("click", resetDemo);
  select(articles[0].id);
  document.body.dataset.ready = "true";
}

main().catch((error) => {
  setStatus(`figcheck could not start: ${error.message}`);
  throw error;
});
