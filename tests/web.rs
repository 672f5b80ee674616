//! The WebAssembly API in a real browser (headless Chromium, through
//! wasm-bindgen-test-runner and chromedriver): offsets arrive as UTF-16 code units that
//! select the same text in JS, and failures arrive as JS Error objects.
#![cfg(target_arch = "wasm32")]

use figcheck::MAX_DOCUMENT_BYTES;
use js_sys::{Array, Error, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property")
}

fn number(value: &JsValue, key: &str) -> u32 {
    get(value, key).as_f64().expect("number") as u32
}

#[wasm_bindgen_test]
fn utf16_spans_select_the_figure_text_in_js() {
    let text = "Prix en € – 📉 股价 fell 18% and then between 4% and 12%.";
    let report = figcheck::wasm::extract(text).expect("report");
    assert_eq!(
        get(&report, "offsets").as_string().as_deref(),
        Some("utf16")
    );
    let figures: Array = get(&report, "figures").dyn_into().expect("array");
    assert_eq!(figures.length(), 2);
    let js_text = JsString::from(text);
    for figure in figures.iter() {
        let slice = js_text.slice(number(&figure, "start"), number(&figure, "end"));
        assert_eq!(slice.as_string(), get(&figure, "text").as_string());
    }
    let first = figures.get(0);
    assert_eq!(get(&first, "text").as_string().as_deref(), Some("18%"));
    assert_eq!(
        get(&get(&figures.get(1), "value"), "low").as_f64(),
        Some(4.0)
    );
}

#[wasm_bindgen_test]
fn findings_cross_the_boundary_as_plain_objects() {
    let mut checker = figcheck::wasm::Checker::new();
    checker
        .set("a", "", "Acme Corp shares fell 18% on Monday.")
        .expect("set a");
    checker
        .set(
            "b",
            "",
            "Acme Corp shares fell between 4% and 12% on Monday.",
        )
        .expect("set b");
    let report = checker.report().expect("report");
    let findings: Array = get(&report, "findings").dyn_into().expect("array");
    let finding = findings.get(0);
    assert_eq!(
        get(&finding, "kind").as_string().as_deref(),
        Some("contradiction")
    );
    // A plain object, not a Map: properties are readable directly.
    assert!(!finding.is_instance_of::<js_sys::Map>());
    assert_eq!(
        get(&get(&finding, "a"), "doc").as_string().as_deref(),
        Some("a")
    );
    // The findings alone: the same finding, and no figures.
    let only = checker.findings().expect("findings");
    let figures: Array = get(&only, "figures").dyn_into().expect("array");
    assert_eq!(figures.length(), 0);
    let findings: Array = get(&only, "findings").dyn_into().expect("array");
    assert_eq!(
        get(&findings.get(0), "kind").as_string().as_deref(),
        Some("contradiction")
    );
}

#[wasm_bindgen_test]
fn failures_are_error_objects_with_a_message() {
    let mut checker = figcheck::wasm::Checker::new();
    let empty_id = checker
        .set("", "", "text")
        .expect_err("empty id is refused");
    let error: Error = JsValue::from(empty_id).dyn_into().expect("an Error object");
    assert_eq!(error.message(), "a document needs a non-empty id");

    let huge = "1".repeat(MAX_DOCUMENT_BYTES + 1);
    let error: Error = JsValue::from(checker.set("big", "", &huge).expect_err("too large"))
        .dyn_into()
        .expect("Error");
    assert!(String::from(error.message()).starts_with("big is 32.0 MiB"));

    let missing: Error = JsValue::from(checker.report_for("nope").expect_err("unknown id"))
        .dyn_into()
        .expect("Error");
    assert_eq!(error_message(&missing), "no article with id \"nope\"");
}

fn error_message(error: &Error) -> String {
    error.message().into()
}
