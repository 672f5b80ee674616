//! The command line as a user runs it: output shapes, exit codes and error messages.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const FELL_18: &str = "tests/fixtures/acme-shares-fell-18-percent.txt";
const FELL_4_TO_12: &str = "tests/fixtures/acme-and-peer-fell-4-to-12-percent.txt";

fn figcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .args(args)
        .output()
        .expect("figcheck runs")
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON object")
}

#[test]
fn check_json_has_the_documented_shape() {
    let output = figcheck(&["check", FELL_18, FELL_4_TO_12, "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let report = json(&output);
    assert_eq!(report["offsets"], "utf8");
    assert_eq!(report["documents"][0]["id"], FELL_18);
    let figure = &report["figures"][0];
    for key in [
        "id",
        "doc",
        "start",
        "end",
        "text",
        "kind",
        "value",
        "unit",
        "subject",
        "metric",
        "direction",
    ] {
        assert!(figure.get(key).is_some(), "figure lacks {key}: {figure}");
    }
    assert_eq!(figure["text"], "18%");
    assert_eq!(figure["value"], 18.0);
    assert_eq!(
        report["figures"][1]["value"],
        serde_json::json!({"low": 4.0, "high": 12.0})
    );

    let finding = &report["findings"][0];
    assert_eq!(finding["kind"], "contradiction");
    assert_eq!(finding["a"]["text"], "18%");
    assert_eq!(finding["a"]["figure"], format!("{FELL_18}#1"));
    assert_eq!(finding["b"]["text"], "between 4% and 12%");
    let explanation = finding["explanation"].as_str().unwrap();
    assert!(
        explanation.contains("18% (") && explanation.contains("lies outside 4%–12%"),
        "{explanation}"
    );
}

#[test]
fn offsets_are_utf8_bytes() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .args(["extract", "-", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let text = "Le prix: €5 – 📉 up 18%";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let report = json(&output);
    let last = report["figures"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    let (start, end) = (
        last["start"].as_u64().unwrap() as usize,
        last["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "18%");
    assert_eq!(report["documents"][0]["id"], "-");
}

#[test]
fn the_readable_report_names_both_sides() {
    let output = figcheck(&["check", FELL_18, FELL_4_TO_12]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("Contradiction"), "{stdout}");
    assert!(stdout.contains(&format!("{FELL_18}:1")), "{stdout}");
    assert!(stdout.contains("lies outside 4%–12%"), "{stdout}");
}

#[test]
fn extract_lists_figures_without_findings() {
    let report = json(&figcheck(&["extract", FELL_18, FELL_4_TO_12, "--json"]));
    assert_eq!(report["figures"].as_array().unwrap().len(), 2);
    assert_eq!(report["findings"], serde_json::json!([]));
}

#[test]
fn the_demo_shows_the_seed_contradiction() {
    let report = json(&figcheck(&["demo", "--json"]));
    let findings = report["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["kind"] == "contradiction" && f["a"]["text"] == "18%")
    );
    assert!(
        findings
            .iter()
            .any(|f| f["kind"] == "qualitative_contradiction")
    );
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        &[][..],
        &["check"][..],
        &["frobnicate", "x"][..],
        &["check", "--nope", "x"][..],
    ] {
        let output = figcheck(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).starts_with("figcheck: "),
            "{args:?}"
        );
    }
}

#[test]
fn unreadable_input_exits_1_naming_the_file() {
    let output = figcheck(&["check", "tests/fixtures/no-such-file.txt"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot read tests/fixtures/no-such-file.txt"),
        "{stderr}"
    );

    let output = figcheck(&["extract", "tests/fixtures/not-utf8.bin"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not-utf8.bin: it is not UTF-8 text"));
}

#[test]
fn help_documents_the_offsets() {
    let output = figcheck(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("UTF-8 byte offset"));
}
