// The checker's own thread: figcheck's WebAssembly core runs here, so that reading a
// long article never stalls typing on the page. Messages in are {seq, op, ...}; every
// one is answered with {seq, ok, result} or {seq, ok: false, error}.
//
//   {op: "set", articles: [{id, title, text}]}   add or replace articles; result: size
//   {op: "remove", id}                            result: whether it was there
//   {op: "reportFor", id}                         one article's figures and findings
//   {op: "findings"}                              every finding, without the figures
//   {op: "demo"}                                  the built-in demo articles
//
// A panic in the core (a bug) aborts the module; the reply then carries
// `crashed: true` and the page starts a fresh worker.
import init, { Checker, demoCorpus } from "./pkg/figcheck.js";

const ready = init().then(() => new Checker());

self.onmessage = async ({ data }) => {
  const { seq, op } = data;
  let checker;
  try {
    checker = await ready;
  } catch (error) {
    self.postMessage({ seq, ok: false, crashed: true, error: `the checker could not start: ${error.message}` });
    return;
  }
  try {
    let result;
    switch (op) {
      case "set":
        for (const article of data.articles) checker.set(article.id, article.title ?? "", article.text ?? "");
        result = checker.size;
        break;
      case "remove":
        result = checker.remove(data.id);
        break;
      case "reportFor":
        result = checker.reportFor(data.id);
        break;
      case "findings":
        result = checker.findings();
        break;
      case "demo":
        result = demoCorpus();
        break;
      default:
        throw new Error(`unknown request ${JSON.stringify(op)}`);
    }
    self.postMessage({ seq, ok: true, result });
  } catch (error) {
    // A RuntimeError is the WebAssembly module itself failing; a plain Error is a
    // refusal with a message (an article too large, say).
    const crashed = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ seq, ok: false, crashed, error: error?.message ?? String(error) });
  }
};
