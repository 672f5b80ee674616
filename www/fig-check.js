// <fig-check>: paste an article, see its figures highlighted and cross-checked against the
// other articles loaded in the element. One script tag makes it available:
//
//   <script type="module" src="fig-check.js"></script>
//   <fig-check demo storage-key="my-site"></fig-check>
//
// The files fig-check.js, figcheck-worker.js, fig-check.css and pkg/ must be served
// from the page's own origin (a Web Worker cannot come from another one).
//
// Attributes
//   demo          start with figcheck's built-in demo articles when nothing is saved
//   storage-key   keep the articles and dismissed findings in localStorage under this key
//
// JavaScript API (every method that talks to the checker returns a Promise)
//   addArticle({id?, title, text}) -> id      add an article (or replace one by id)
//   removeArticle(id) -> boolean
//   renameArticle(id, title)
//   select(id)                                 edit and check this article
//   selected, articles, findings, report       what is loaded and what was found
//   text                                       the selected article's text (get/set)
//   exportCorpus() -> JSON string; importCorpus(json) -> number of articles
//   loadDemo(); dismiss(finding); restore(finding)
//
// Events (bubbling CustomEvents)
//   "findings"        detail {article, findings, figures}: after every check
//   "articleschange"  detail {articles, selected, counts}: when the list or its counts change
//
// Everything the user typed is put in the page with textContent, never as HTML.

const RECHECK_DELAY_MS = 250;
const COUNT_DELAY_MS = 600;
const LARGE_INPUT = 200_000;

const KINDS = [
  ["contradiction", "Contradictions"],
  ["scale_mismatch", "Million/billion slips"],
  ["qualitative_contradiction", "Opposite verdicts"],
  ["arithmetic_mismatch", "Arithmetic"],
  ["not_comparable", "Different periods"],
  ["corroboration", "Agreements"],
  ["possible", "Possible (unsure)"],
];
const SEVERITIES = [
  ["high", "High"],
  ["medium", "Medium"],
  ["low", "Low"],
  ["info", "For information"],
];
const FIGURE_KINDS = [
  ["percent", "percent"],
  ["money", "money"],
  ["quantity", "quantity"],
  ["count", "count"],
  ["date", "date or period"],
];
/** Findings that say something is wrong: counted on the article list, marked strongly. */
const PROBLEMS = new Set(["contradiction", "scale_mismatch", "qualitative_contradiction", "arithmetic_mismatch"]);

let instances = 0;

/** A new element with a class and text; the one way this module and the demo page make nodes. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(className, text, label) {
  const node = element("button", className, text);
  node.type = "button";
  if (label) node.setAttribute("aria-label", label);
  return node;
}

/** A finding's identity across edits: its kind and both quoted figures. */
export function findingKey(finding) {
  return [finding.kind, finding.a.doc, finding.a.text, finding.b.doc, finding.b.text].join("\u241f");
}

/**
 * The worker that runs the core. Requests are answered in order; if the core crashes,
 * the worker is replaced and the articles it held are sent to the new one.
 */
class CheckerClient {
  constructor(onCrash) {
    this.onCrash = onCrash;
    this.sent = new Map();
    this.pending = new Map();
    this.seq = 0;
    this.start();
  }

  start() {
    this.worker = new Worker(new URL("./figcheck-worker.js", import.meta.url), { type: "module" });
    this.worker.onmessage = ({ data }) => this.answer(data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.crash(event.message || "the checker stopped");
    };
  }

  answer({ seq, ok, result, error, crashed }) {
    const request = this.pending.get(seq);
    if (!request) return;
    this.pending.delete(seq);
    if (ok) request.resolve(result);
    else request.reject(Object.assign(new Error(error), { crashed: Boolean(crashed) }));
    if (crashed) this.crash(error);
  }

  crash(message) {
    this.worker.terminate();
    for (const request of this.pending.values()) {
      request.reject(Object.assign(new Error(`the checker stopped: ${message}`), { crashed: true }));
    }
    this.pending.clear();
    this.start();
    const articles = [...this.sent.values()];
    if (articles.length > 0) this.request({ op: "set", articles }).catch(() => {});
    this.onCrash(message);
  }

  request(message) {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage({ ...message, seq });
    });
  }

  set(articles) {
    for (const article of articles) this.sent.set(article.id, { ...article });
    return this.request({ op: "set", articles });
  }

  remove(id) {
    this.sent.delete(id);
    return this.request({ op: "remove", id });
  }

  reportFor(id) {
    return this.request({ op: "reportFor", id });
  }

  findings() {
    return this.request({ op: "findings" });
  }

  demo() {
    return this.request({ op: "demo" });
  }
}

/** localStorage, or null where the browser refuses it (some private modes). */
function storage() {
  try {
    const store = window.localStorage;
    store.getItem("figcheck.probe");
    return store;
  } catch {
    return null;
  }
}

export class FigCheck extends HTMLElement {
  #client = null;
  #articles = new Map();
  #selected = null;
  #report = null;
  #dismissed = new Set();
  #hiddenKinds = new Set();
  #showDismissed = false;
  #counts = new Map();
  #generation = 0;
  #editTimer = 0;
  #countTimer = 0;
  #started = null;
  #storageBroken = false;
  #ui = null;

  connectedCallback() {
    if (this.#ui) return;
    addStylesheet();
    this.#ui = this.#build();
    this.#client = new CheckerClient((message) => {
      this.#status(`The checker stopped (${message}) and was restarted; your text is safe.`);
      // The new worker has every article again: check the one on screen once more.
      this.#check();
    });
    this.#started = this.#start().catch((error) => this.#status(`figcheck could not start: ${error.message}`));
  }

  /** Resolves when the element has loaded its articles and checked the first one. */
  get ready() {
    return this.#started ?? Promise.resolve();
  }

  get articles() {
    return [...this.#articles.values()].map((article) => ({ ...article }));
  }

  get selected() {
    return this.#selected;
  }

  get report() {
    return this.#report;
  }

  get findings() {
    return this.#report ? this.#report.findings.slice() : [];
  }

  get text() {
    return this.#articles.get(this.#selected)?.text ?? "";
  }

  set text(value) {
    this.#ui.text.value = String(value);
    this.#edited(true);
  }

  async addArticle({ id, title = "", text = "" } = {}) {
    const article = {
      id: id || `article-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
      title: title || `Article ${this.#articles.size + 1}`,
      text,
    };
    this.#articles.set(article.id, article);
    this.#save();
    await this.#client.set([article]);
    this.#listChanged();
    return article.id;
  }

  async removeArticle(id) {
    if (!this.#articles.delete(id)) return false;
    this.#save();
    await this.#client.remove(id);
    if (this.#selected === id) await this.select(this.#articles.keys().next().value ?? null);
    this.#listChanged();
    return true;
  }

  async renameArticle(id, title) {
    const article = this.#articles.get(id);
    if (!article) return;
    article.title = title;
    if (id === this.#selected) this.#ui.title.value = title;
    this.#save();
    await this.#client.set([article]);
    this.#listChanged();
  }

  async select(id, figureId) {
    const selected = this.#articles.has(id) ? id : null;
    if (selected !== this.#selected) {
      // Another article's highlights and findings must not stand for this one while it is checked.
      this.#report = null;
      this.#render();
    }
    this.#selected = selected;
    const article = this.#articles.get(this.#selected);
    this.#ui.title.value = article?.title ?? "";
    this.#ui.text.value = article?.text ?? "";
    this.#ui.title.disabled = this.#ui.text.disabled = !article;
    this.#listChanged();
    await this.#check();
    if (figureId) this.#focusFigure(figureId);
  }

  async loadDemo() {
    const demo = await this.#client.demo();
    for (const id of [...this.#articles.keys()]) await this.#client.remove(id);
    this.#articles.clear();
    for (const article of demo) this.#articles.set(article.id, article);
    await this.#client.set(demo);
    this.#save();
    await this.select(demo[0]?.id ?? null);
  }

  exportCorpus() {
    return JSON.stringify({ format: "figcheck-corpus", version: 1, articles: this.articles }, null, 2);
  }

  /** Adds the articles of an exported corpus; the ones already here with the same id are replaced. */
  async importCorpus(json) {
    let parsed;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new Error(`not a figcheck corpus: the file is not JSON (${error.message})`);
    }
    const list = Array.isArray(parsed) ? parsed : parsed?.articles;
    if (!Array.isArray(list)) throw new Error("not a figcheck corpus: it has no list of articles");
    const articles = list
      .filter((a) => a && typeof a.text === "string")
      .map((a, i) => ({
        id: typeof a.id === "string" && a.id ? a.id : `imported-${Date.now().toString(36)}-${i}`,
        title: typeof a.title === "string" ? a.title : "",
        text: a.text,
      }));
    if (articles.length === 0) throw new Error("not a figcheck corpus: no article has a text");
    for (const article of articles) this.#articles.set(article.id, article);
    await this.#client.set(articles);
    this.#save();
    await this.select(articles[0].id);
    return articles.length;
  }

  dismiss(finding) {
    this.#dismissed.add(findingKey(finding));
    this.#saveDismissed();
    this.#renderFindings();
  }

  restore(finding) {
    this.#dismissed.delete(findingKey(finding));
    this.#saveDismissed();
    this.#renderFindings();
  }

  // --- start-up and storage ---

  async #start() {
    const saved = this.#load();
    if (saved.length > 0) {
      for (const article of saved) this.#articles.set(article.id, article);
      try {
        await this.#client.set(saved);
      } catch (error) {
        this.#status(`Some saved articles could not be read: ${error.message}`);
      }
      await this.select(saved[0].id);
    } else if (this.hasAttribute("demo")) {
      await this.loadDemo();
    } else {
      await this.select(null);
    }
    this.dataset.ready = "true";
  }

  #key(name) {
    const base = this.getAttribute("storage-key");
    return base ? `${base}.${name}` : null;
  }

  #load() {
    const key = this.#key("articles");
    if (!key) return [];
    const store = storage();
    if (!store) {
      this.#status("This browser does not let the page store anything: your articles last until the tab is closed.");
      return [];
    }
    const raw = store.getItem(key);
    const dismissed = store.getItem(this.#key("dismissed"));
    try {
      if (dismissed) this.#dismissed = new Set(JSON.parse(dismissed));
    } catch {
      this.#dismissed = new Set();
    }
    if (!raw) return [];
    try {
      const parsed = JSON.parse(raw);
      if (!Array.isArray(parsed)) throw new Error("not a list of articles");
      return parsed.filter((a) => a && typeof a.id === "string" && typeof a.text === "string");
    } catch (error) {
      // Keep what could not be read, under another key, rather than overwrite it.
      try {
        store.setItem(`${key}.unreadable`, raw);
        store.removeItem(key);
      } catch {
        this.#storageBroken = true;
      }
      this.#status(
        `The saved articles could not be read (${error.message}). They are kept in this browser's storage under ` +
          `"${key}.unreadable"; the demo articles are shown instead.`,
      );
      return [];
    }
  }

  #save() {
    const key = this.#key("articles");
    const store = key && !this.#storageBroken ? storage() : null;
    if (!store) return;
    try {
      store.setItem(key, JSON.stringify(this.articles));
      if (this.#ui.status.dataset.storage) this.#status("");
    } catch (error) {
      // setItem fails as a whole: what was saved before stays as it was.
      const full = error?.name === "QuotaExceededError";
      this.#status(
        full
          ? "Could not save: this browser's storage for the page is full. Your text is still here, and the articles saved before are kept; export the corpus to keep this one."
          : `Could not save (${error.message}). Your text is still here; export the corpus to keep it.`,
      );
      this.#ui.status.dataset.storage = "failed";
    }
  }

  #saveDismissed() {
    const key = this.#key("dismissed");
    const store = key ? storage() : null;
    try {
      store?.setItem(key, JSON.stringify([...this.#dismissed]));
    } catch (error) {
      this.#status(`Could not remember the dismissal (${error.message}).`);
    }
  }

  #status(message) {
    this.#ui.status.textContent = message;
    delete this.#ui.status.dataset.storage;
  }

  // --- checking ---

  #edited(now = false) {
    const article = this.#articles.get(this.#selected);
    if (!article) return;
    article.title = this.#ui.title.value;
    article.text = this.#ui.text.value;
    clearTimeout(this.#editTimer);
    const run = () => {
      this.#save();
      this.#client.set([article]).then(
        () => this.#check(),
        (error) => this.#status(error.message),
      );
      this.#listChanged();
    };
    if (now) run();
    else this.#editTimer = setTimeout(run, RECHECK_DELAY_MS);
  }

  async #check() {
    const generation = ++this.#generation;
    const article = this.#articles.get(this.#selected);
    if (!article) {
      this.#report = null;
      this.#render();
      return;
    }
    const large = article.text.length > LARGE_INPUT;
    if (large) this.#progress(`Checking ${(article.text.length / 1e6).toFixed(1)} MB of text…`);
    let report;
    try {
      report = await this.#client.reportFor(article.id);
    } catch (error) {
      // A crash is reported once, by the restart; any other refusal is shown here.
      if (generation === this.#generation && !error.crashed) this.#status(error.message);
      return;
    } finally {
      if (large && generation === this.#generation) this.#progress(null);
    }
    if (generation !== this.#generation) return; // a newer edit is being checked
    this.#report = report;
    this.#render();
    this.dispatchEvent(
      new CustomEvent("findings", {
        bubbles: true,
        detail: { article: article.id, findings: report.findings, figures: report.figures },
      }),
    );
  }

  #progress(message) {
    this.#ui.progress.hidden = !message;
    this.#ui.progressLabel.textContent = message ?? "";
    this.setAttribute("aria-busy", message ? "true" : "false");
  }

  /** Counts each article's problem findings, a little after the edits stop. */
  #listChanged() {
    this.#emitList();
    clearTimeout(this.#countTimer);
    this.#countTimer = setTimeout(async () => {
      try {
        const report = await this.#client.findings();
        const counts = new Map();
        for (const finding of report.findings) {
          if (!PROBLEMS.has(finding.kind) || this.#dismissed.has(findingKey(finding))) continue;
          for (const doc of new Set([finding.a.doc, finding.b.doc])) counts.set(doc, (counts.get(doc) ?? 0) + 1);
        }
        this.#counts = counts;
        this.#emitList();
      } catch {
        // The counts are a convenience; the next change tries again.
      }
    }, COUNT_DELAY_MS);
  }

  #emitList() {
    this.dispatchEvent(
      new CustomEvent("articleschange", {
        bubbles: true,
        detail: { articles: this.articles, selected: this.#selected, counts: new Map(this.#counts) },
      }),
    );
  }

  // --- drawing ---

  #build() {
    const prefix = `fc${++instances}`;
    const root = element("div", "fc");
    const editor = element("div", "fc-editor");
    const titleLabel = element("label", "fc-label", "Title");
    const title = element("input", "fc-title");
    title.type = "text";
    title.autocomplete = "off";
    title.id = `${prefix}-title`;
    titleLabel.htmlFor = title.id;
    const textLabel = element("label", "fc-label", "Text ");
    textLabel.append(element("span", "fc-hint", "(paste an article here)"));
    const text = element("textarea", "fc-text");
    text.id = `${prefix}-text`;
    text.rows = 10;
    text.spellcheck = false;
    textLabel.htmlFor = text.id;
    editor.append(titleLabel, title, textLabel, text);

    const status = element("p", "fc-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    const progress = element("div", "fc-progress");
    progress.hidden = true;
    const bar = element("progress");
    const progressLabel = element("span", "fc-progress-label");
    bar.setAttribute("aria-label", "Checking");
    progress.append(bar, " ", progressLabel);

    const panes = element("div", "fc-panes");
    const readingPane = element("section", "fc-reading-pane");
    const readingHeading = element("h2", "fc-heading", "Figures in this article ");
    readingHeading.id = `${prefix}-reading-heading`;
    const figureCount = element("span", "fc-count fc-figure-count");
    readingHeading.append(figureCount);
    const legend = element("p", "fc-legend");
    legend.append("Highlighted by kind: ");
    for (const [kind, label] of FIGURE_KINDS) legend.append(element("mark", `fc-figure kind-${kind}`, label), " ");
    legend.append(element("mark", "fc-figure fc-problem", "in dispute"));
    const reading = element("div", "fc-reading");
    reading.setAttribute("role", "region");
    reading.setAttribute("aria-labelledby", readingHeading.id);
    readingPane.append(readingHeading, legend, reading);

    const findingsPane = element("section", "fc-findings-pane");
    const findingsHeading = element("h2", "fc-heading", "Findings ");
    findingsHeading.id = `${prefix}-findings-heading`;
    findingsPane.setAttribute("aria-labelledby", findingsHeading.id);
    const findingCount = element("span", "fc-count fc-finding-count");
    findingsHeading.append(findingCount);
    const toolbar = element("div", "fc-toolbar");
    const filters = element("fieldset", "fc-filters");
    filters.append(element("legend", null, "Show"));
    for (const [kind, label] of KINDS) {
      const option = element("label", "fc-filter");
      const box = element("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = kind;
      box.addEventListener("change", () => {
        if (box.checked) this.#hiddenKinds.delete(kind);
        else this.#hiddenKinds.add(kind);
        this.#renderFindings();
      });
      option.append(box, ` ${label}`);
      filters.append(option);
    }
    const dismissedOption = element("label", "fc-filter");
    const dismissedBox = element("input");
    dismissedBox.type = "checkbox";
    dismissedBox.addEventListener("change", () => {
      this.#showDismissed = dismissedBox.checked;
      this.#renderFindings();
    });
    dismissedOption.append(dismissedBox, " Dismissed ones");
    filters.append(dismissedOption);
    const exportMarkdown = button("fc-export-markdown", "Export Markdown");
    const exportJson = button("fc-export-json", "Export JSON");
    exportMarkdown.addEventListener("click", () =>
      download(`${this.#fileStem()}.md`, "text/markdown", this.#markdown()),
    );
    exportJson.addEventListener("click", () =>
      download(`${this.#fileStem()}.json`, "application/json", JSON.stringify(this.#report ?? {}, null, 2)),
    );
    const exports = element("div", "fc-exports");
    exports.append(exportMarkdown, exportJson);
    toolbar.append(filters, exports);
    const findingList = element("div", "fc-finding-list");
    findingsPane.append(findingsHeading, toolbar, findingList);
    panes.append(readingPane, findingsPane);

    const tooltip = element("div", "fc-tooltip");
    tooltip.id = `${prefix}-tooltip`;
    tooltip.setAttribute("role", "tooltip");
    tooltip.hidden = true;

    root.append(editor, status, progress, panes, tooltip);
    this.replaceChildren(root);

    title.addEventListener("input", () => this.#edited());
    text.addEventListener("input", () => this.#edited());
    reading.addEventListener("keydown", (event) => this.#moveAmongFigures(event));
    reading.addEventListener("focusin", (event) => this.#showReading(event.target));
    reading.addEventListener("mouseover", (event) => this.#showReading(event.target));
    reading.addEventListener("focusout", () => (tooltip.hidden = true));
    reading.addEventListener("mouseleave", () => (tooltip.hidden = true));
    return { title, text, status, progress, progressLabel, reading, figureCount, findingCount, findingList, tooltip };
  }

  #render() {
    this.#renderReading();
    this.#renderFindings();
  }

  /** Figure ids that a visible problem finding involves. */
  #disputed() {
    const ids = new Set();
    for (const finding of this.#report?.findings ?? []) {
      if (!PROBLEMS.has(finding.kind) || this.#dismissed.has(findingKey(finding))) continue;
      for (const side of [finding.a, finding.b]) if (side.figure) ids.add(side.figure);
    }
    return ids;
  }

  /** The article with its figures as <mark>s; offsets are UTF-16, as JavaScript counts. */
  #renderReading() {
    const { reading, figureCount } = this.#ui;
    reading.replaceChildren();
    const article = this.#articles.get(this.#selected);
    if (!article || !this.#report) {
      figureCount.textContent = "";
      return;
    }
    const text = article.text;
    const disputed = this.#disputed();
    const figures = this.#report.figures.filter((f) => f.doc === article.id).sort((a, b) => a.start - b.start);
    let at = 0;
    let first = true;
    for (const figure of figures) {
      if (figure.start < at || figure.end > text.length) continue;
      reading.append(document.createTextNode(text.slice(at, figure.start)));
      const mark = element("mark", `fc-figure kind-${figureClass(figure.kind)}`, text.slice(figure.start, figure.end));
      mark.dataset.figure = figure.id;
      mark.tabIndex = first ? 0 : -1;
      first = false;
      mark.setAttribute("aria-describedby", this.#ui.tooltip.id);
      if (figure.boilerplate) mark.classList.add("fc-boilerplate");
      if (disputed.has(figure.id)) {
        mark.classList.add("fc-problem");
        mark.setAttribute("aria-label", `${mark.textContent}, in dispute`);
      }
      reading.append(mark);
      at = figure.end;
    }
    reading.append(document.createTextNode(text.slice(at)));
    figureCount.textContent = `(${figures.length})`;
  }

  #figure(id) {
    return this.#report?.figures.find((figure) => figure.id === id);
  }

  /** Hover or focus on a figure shows its reading: value, unit, subject, metric, period. */
  #showReading(target) {
    const mark = target.closest?.("mark.fc-figure[data-figure]");
    const { tooltip } = this.#ui;
    if (!mark) return;
    const figure = this.#figure(mark.dataset.figure);
    if (!figure) return;
    tooltip.replaceChildren();
    const rows = [
      ["Figure", figure.text],
      ["Kind", figure.kind.replaceAll("_", " ")],
      ["Reading", figure.reading || "—"],
      ["Subject", figure.subjects.length > 0 ? figure.subjects.join(", ") : "—"],
      ["Metric", figure.metric === "unknown" ? "—" : figure.metric.replaceAll("_", " ")],
      ["Period", figure.period ? `${figure.period.start} to ${figure.period.end}` : "—"],
    ];
    const list = element("dl");
    for (const [name, value] of rows) list.append(element("dt", null, name), element("dd", null, String(value)));
    tooltip.append(list);
    tooltip.hidden = false;
    const box = mark.getBoundingClientRect();
    const host = this.getBoundingClientRect();
    const left = Math.max(0, Math.min(box.left - host.left, host.width - tooltip.offsetWidth));
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${box.bottom - host.top + 6}px`;
  }

  /** Arrow keys move among the figures; only one of them is in the tab order. */
  #moveAmongFigures(event) {
    if (!["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
    const marks = [...this.#ui.reading.querySelectorAll("mark.fc-figure")];
    if (marks.length === 0) return;
    const current = marks.indexOf(document.activeElement);
    let next = current;
    if (event.key === "Home") next = 0;
    else if (event.key === "End") next = marks.length - 1;
    else if (event.key === "ArrowRight" || event.key === "ArrowDown") next = Math.min(marks.length - 1, current + 1);
    else next = Math.max(0, current - 1);
    event.preventDefault();
    for (const mark of marks) mark.tabIndex = -1;
    marks[next].tabIndex = 0;
    marks[next].focus();
  }

  #focusFigure(figureId) {
    const mark = this.#ui.reading.querySelector(`mark[data-figure="${CSS.escape(figureId)}"]`);
    if (!mark) return;
    for (const other of this.#ui.reading.querySelectorAll("mark.fc-focused")) other.classList.remove("fc-focused");
    mark.classList.add("fc-focused");
    mark.scrollIntoView({ block: "nearest" });
  }

  #title(doc) {
    return this.#articles.get(doc)?.title || doc;
  }

  /** The core names articles by id in its explanations; the reader knows them by title. */
  #explanation(finding) {
    let text = finding.explanation;
    for (const doc of new Set([finding.a.doc, finding.b.doc])) text = text.replaceAll(`(${doc})`, `(${this.#title(doc)})`);
    return text;
  }

  #renderFindings() {
    const { findingList, findingCount } = this.#ui;
    findingList.replaceChildren();
    const all = this.#report?.findings ?? [];
    const dismissedCount = all.filter((f) => this.#dismissed.has(findingKey(f))).length;
    const shown = all.filter(
      (f) => !this.#hiddenKinds.has(f.kind) && (this.#showDismissed || !this.#dismissed.has(findingKey(f))),
    );
    findingCount.textContent =
      `(${shown.length}` + (dismissedCount > 0 ? `, ${dismissedCount} dismissed` : "") + ")";
    if (!this.#report) return;
    if (shown.length === 0) {
      findingList.append(element("p", "fc-empty", "No findings for this article against the others loaded."));
      return;
    }
    // Disagreements the checker is unsure of are shown apart, folded, and not counted.
    const sure = shown.filter((f) => f.kind !== "possible");
    const possible = shown.filter((f) => f.kind === "possible");
    for (const [severity, label] of SEVERITIES) {
      const group = sure.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      const section = element("section", `fc-severity severity-${severity}`);
      section.append(element("h3", "fc-severity-heading", `${label} (${group.length})`));
      for (const finding of group) section.append(this.#card(finding));
      findingList.append(section);
    }
    if (possible.length > 0) {
      const fold = element("details", "fc-possible");
      fold.append(element("summary", "fc-severity-heading", `Possible disagreements, not counted (${possible.length})`));
      for (const finding of possible) fold.append(this.#card(finding));
      findingList.append(fold);
    }
  }

  #card(finding) {
    const dismissed = this.#dismissed.has(findingKey(finding));
    const card = element("article", `fc-finding severity-${finding.severity} kind-${finding.kind}`);
    if (dismissed) card.classList.add("fc-dismissed");
    card.tabIndex = 0;
    const heading = element("h4", "fc-finding-heading");
    heading.append(element("span", "fc-finding-kind", finding.kind.replaceAll("_", " ")));
    heading.append(
      element("span", "fc-finding-meta", ` · ${finding.severity} · ${Math.round(finding.confidence * 100)}% sure`),
    );
    const sides = element("div", "fc-sides");
    sides.append(this.#quote(finding.a), this.#quote(finding.b));
    const actions = element("div", "fc-actions");
    const copy = button("fc-copy", "Copy", "Copy this finding as text");
    copy.addEventListener("click", async (event) => {
      event.stopPropagation();
      try {
        await navigator.clipboard.writeText(this.#findingMarkdown(finding));
        this.#status("Copied the finding.");
      } catch (error) {
        this.#status(`Could not copy (${error.message}).`);
      }
    });
    const toggle = button(
      "fc-dismiss",
      dismissed ? "Restore" : "Dismiss",
      dismissed ? "Restore this finding" : "Dismiss this finding",
    );
    toggle.addEventListener("click", (event) => {
      event.stopPropagation();
      if (dismissed) this.restore(finding);
      else this.dismiss(finding);
      this.#renderReading();
      this.#listChanged();
    });
    actions.append(copy, toggle);
    card.append(heading, element("p", "fc-explanation", this.#explanation(finding)), sides, actions);
    // Activating a finding brings its quote in this article into view in the reading pane.
    const reveal = () => {
      const here = [finding.a, finding.b].find((side) => side.doc === this.#selected && side.figure);
      if (here) this.#focusFigure(here.figure);
      card.scrollIntoView({ block: "nearest" });
    };
    card.addEventListener("click", reveal);
    card.addEventListener("keydown", (event) => {
      if (event.target === card && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        reveal();
      }
    });
    return card;
  }

  #quote(side) {
    const block = element("blockquote", "fc-quote");
    const sentence = side.sentence.text;
    const from = side.start - side.sentence.start;
    const to = side.end - side.sentence.start;
    const body = element("p");
    body.append(document.createTextNode(sentence.slice(0, from)));
    body.append(element("mark", "fc-quoted", sentence.slice(from, to)));
    body.append(document.createTextNode(sentence.slice(to)));
    const source = button("fc-quote-source", this.#title(side.doc), `Open “${this.#title(side.doc)}”`);
    source.addEventListener("click", (event) => {
      event.stopPropagation();
      this.select(side.doc, side.figure);
    });
    if (side.doc === this.#selected) source.classList.add("fc-this-article");
    block.append(body, source);
    return block;
  }

  #findingMarkdown(finding) {
    const quote = (side) => `> ${side.sentence.text}\n>\n> — *${this.#title(side.doc)}* (“${side.text}”)`;
    return [
      `### ${finding.kind.replaceAll("_", " ")} · ${finding.severity} · ${Math.round(finding.confidence * 100)}% sure`,
      "",
      this.#explanation(finding),
      "",
      quote(finding.a),
      "",
      quote(finding.b),
      "",
    ].join("\n");
  }

  #markdown() {
    const article = this.#articles.get(this.#selected);
    const findings = (this.#report?.findings ?? []).filter(
      (f) => !this.#hiddenKinds.has(f.kind) && !this.#dismissed.has(findingKey(f)),
    );
    const lines = [`# figcheck report: ${article?.title ?? ""}`, ""];
    lines.push(`${findings.length} findings against ${this.#articles.size - 1} other articles.`, "");
    for (const [severity, label] of SEVERITIES) {
      const group = findings.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      lines.push(`## ${label}`, "");
      for (const finding of group) lines.push(this.#findingMarkdown(finding));
    }
    return lines.join("\n");
  }

  #fileStem() {
    const title = this.#articles.get(this.#selected)?.title ?? "figcheck";
    return `figcheck-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "report"}`;
  }

}

/** Saves `content` as a file named `name`, through a same-origin blob: URL. */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = element("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The element's own styles, next to this script: one script tag is all a page needs. */
function addStylesheet() {
  const href = new URL("./fig-check.css", import.meta.url).href;
  if ([...document.styleSheets].some((sheet) => sheet.href === href)) return;
  if (document.querySelector(`link[data-fig-check]`)) return;
  const link = element("link");
  link.rel = "stylesheet";
  link.href = href;
  link.dataset.figCheck = "";
  document.head.append(link);
}

/** "percentage_points" and the like share their nearest kind's highlight. */
function figureClass(kind) {
  switch (kind) {
    case "percentage_points":
      return "percent";
    case "multiple":
    case "fraction":
      return "quantity";
    case "number":
      return "count";
    case "duration":
    case "metadata":
      return "date";
    default:
      return kind;
  }
}

if (!customElements.get("fig-check")) customElements.define("fig-check", FigCheck);
