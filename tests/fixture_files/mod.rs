//! Reading a folder of text fixtures, shared by the fixture-driven tests.

use std::path::Path;

/// One fixture: its file name, and its text split at the line `---` into the input
/// before and the expectations after.
pub struct Fixture {
    pub name: String,
    pub input: String,
    pub expectations: String,
}

/// Every `.txt` fixture under `tests/fixtures/<folder>`, in name order.
pub fn fixtures(folder: &str) -> Vec<Fixture> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let content = std::fs::read_to_string(path).expect("fixture text");
            let (input, expectations) = content
                .split_once("\n---\n")
                .unwrap_or_else(|| panic!("{name}: no --- line"));
            Fixture {
                input: input.to_string(),
                expectations: expectations.to_string(),
                name,
            }
        })
        .collect()
}
