// The demo page: a list of the articles loaded in its <fig-check> element, and the corpus
// tools around it (new, remove, open or drop files, import and export). The checking,
// the reading view and the findings are the element's own; this file only drives its
// public API, as any page embedding it would.
import { download, element } from "./fig-check.js";

const checker = document.querySelector("fig-check");
const $ = (id) => document.getElementById(id);

function setStatus(message) {
  $("page-status").textContent = message;
}

function renderList({ articles, selected, counts }) {
  const list = $("article-list");
  list.replaceChildren();
  for (const article of articles) {
    const item = element("li", "article-item");
    const open = element("button", "article-button", article.title || "Untitled");
    open.type = "button";
    if (article.id === selected) open.setAttribute("aria-current", "true");
    const count = counts.get(article.id) ?? 0;
    if (count > 0) {
      const badge = element("span", "badge", String(count));
      badge.setAttribute("aria-label", `${count} ${count === 1 ? "problem" : "problems"}`);
      open.append(" ", badge);
    }
    open.addEventListener("click", () => checker.select(article.id));
    const remove = element("button", "remove-button", "×");
    remove.type = "button";
    remove.setAttribute("aria-label", `Remove “${article.title || "Untitled"}”`);
    remove.addEventListener("click", async () => {
      await checker.removeArticle(article.id);
      setStatus(`Removed “${article.title || "Untitled"}”.`);
    });
    item.append(open, remove);
    list.append(item);
  }
  $("article-count").textContent = `(${articles.length})`;
}

/** An HTML file's readable text: block elements become line breaks; nothing runs or loads. */
function htmlToText(html) {
  // DOMParser's document is inert: nothing in it runs or loads, and the page's CSP would
  // block an inline handler anyway. Renaming on* attributes first only spares the console
  // the CSP's complaint about handlers it would never run.
  const doc = new DOMParser().parseFromString(html.replace(/(\s)on([a-z]+\s*=)/gi, "$1data-on-$2"), "text/html");
  for (const node of doc.querySelectorAll("script, style, noscript, template, iframe, object, svg")) node.remove();
  const blocks = new Set(["P", "DIV", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "TR", "BLOCKQUOTE", "SECTION", "ARTICLE", "HEADER", "FOOTER", "PRE", "TABLE"]);
  let out = "";
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out += node.nodeValue.replace(/\s+/g, " ");
      return;
    }
    if (node.nodeName === "BR") out += "\n";
    const block = blocks.has(node.nodeName);
    if (block) out += "\n";
    for (const child of node.childNodes) walk(child);
    if (block) out += "\n";
  };
  walk(doc.body ?? doc.documentElement);
  const text = out
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { title: doc.title.trim(), text };
}

/** A dropped or opened file as an article; a file that is not UTF-8 is decoded with � and flagged. */
async function fileToArticle(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text;
  let note = "";
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("utf-8").decode(bytes);
    note = `${file.name} is not valid UTF-8: bytes that could not be read are shown as �.`;
  }
  const stem = file.name.replace(/\.[^.]+$/, "");
  if (/\.html?$/i.test(file.name) || file.type === "text/html") {
    const { title, text: body } = htmlToText(text);
    return { article: { title: title || stem, text: body }, note };
  }
  return { article: { title: stem, text }, note };
}

async function addFiles(files) {
  const notes = [];
  let added = 0;
  for (const file of files) {
    if (!/\.(txt|md|markdown|html?)$/i.test(file.name) && !file.type.startsWith("text/")) {
      notes.push(`${file.name} was skipped: figcheck reads .txt, .md and .html files.`);
      continue;
    }
    try {
      const { article, note } = await fileToArticle(file);
      const id = await checker.addArticle(article);
      if (note) notes.push(note);
      if (added === 0) await checker.select(id);
      added += 1;
    } catch (error) {
      notes.push(`${file.name} could not be read: ${error.message}`);
    }
  }
  setStatus([`Added ${added} ${added === 1 ? "article" : "articles"}.`, ...notes].join(" "));
}

checker.addEventListener("articleschange", (event) => renderList(event.detail));

$("new-article").addEventListener("click", async () => {
  const id = await checker.addArticle({ text: "" });
  await checker.select(id);
  checker.querySelector(".fc-text")?.focus();
});
$("reset-demo").addEventListener("click", () => checker.loadDemo());
$("export-corpus").addEventListener("click", () =>
  download("figcheck-corpus.json", "application/json", checker.exportCorpus()),
);
$("import-corpus").addEventListener("change", async (event) => {
  const [file] = event.target.files;
  event.target.value = "";
  if (!file) return;
  try {
    const count = await checker.importCorpus(await file.text());
    setStatus(`Imported ${count} ${count === 1 ? "article" : "articles"} from ${file.name}.`);
  } catch (error) {
    setStatus(`${file.name}: ${error.message}. Nothing was changed.`);
  }
});
$("open-files").addEventListener("change", async (event) => {
  const files = [...event.target.files];
  event.target.value = "";
  await addFiles(files);
});

// Files dropped anywhere on the page become articles.
document.addEventListener("dragover", (event) => {
  if ([...event.dataTransfer.types].includes("Files")) {
    event.preventDefault();
    document.body.classList.add("dropping");
  }
});
document.addEventListener("dragleave", (event) => {
  if (event.relatedTarget === null) document.body.classList.remove("dropping");
});
document.addEventListener("drop", async (event) => {
  document.body.classList.remove("dropping");
  if (event.dataTransfer.files.length === 0) return;
  event.preventDefault();
  await addFiles([...event.dataTransfer.files]);
});

checker.ready.then(() => {
  document.body.dataset.ready = "true";
});
