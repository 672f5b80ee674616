//! The figcheck command line: the same core as the page, for scripts and terminals.

use std::fmt;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use figcheck::report::Report;
use figcheck::{Corpus, CorpusError, Document};

const USAGE: &str = "\
figcheck: find the figures in news articles and the ones that contradict each other

Usage:
  figcheck extract FILE... [--json]   list every figure with what it measures
  figcheck check FILE... [--json]     cross-check the figures of all FILEs
  figcheck demo [--json]              check the built-in demo articles

  FILE may be - for standard input. Files must be UTF-8 text.

Output:
  Without --json, a readable report. With --json, one JSON object:
    {\"offsets\": \"utf8\", \"documents\": [...], \"figures\": [...], \"findings\": [...]}
  Every start and end offset is a UTF-8 byte offset into the file, end exclusive.
  A figure's value is a number, or {\"low\", \"high\"} for a range or bound (null for
  an open side).

Exit status:
  0  it ran, whether or not it found anything
  1  a file could not be read
  2  bad usage
";

/// What went wrong, with the exit status it maps to.
#[derive(Debug)]
enum CliError {
    Usage(String),
    Unreadable { path: String, source: io::Error },
    NotUtf8 { path: String },
    Rejected(CorpusError),
    Output(io::Error),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) => write!(f, "{message}\n\nRun `figcheck --help` for usage."),
            CliError::Unreadable { path, source } => write!(f, "cannot read {path}: {source}"),
            CliError::NotUtf8 { path } => write!(f, "cannot read {path}: it is not UTF-8 text"),
            CliError::Rejected(error) => write!(f, "{error}"),
            CliError::Output(error) => write!(f, "cannot write the report: {error}"),
        }
    }
}

impl CliError {
    fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }
}

enum Command {
    Extract,
    Check,
    Demo,
}

struct Options {
    command: Command,
    files: Vec<String>,
    json: bool,
}

fn parse(args: &[String]) -> Result<Option<Options>, CliError> {
    let mut json = false;
    let mut positional = Vec::new();
    for arg in args {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--json" => json = true,
            "-" => positional.push(arg.clone()),
            flag if flag.starts_with('-') => {
                return Err(CliError::Usage(format!("unknown option {flag}")));
            }
            _ => positional.push(arg.clone()),
        }
    }
    let Some((command, files)) = positional.split_first() else {
        return Err(CliError::Usage(
            "missing command: extract, check or demo".into(),
        ));
    };
    let command = match command.as_str() {
        "extract" => Command::Extract,
        "check" => Command::Check,
        "demo" => Command::Demo,
        other => return Err(CliError::Usage(format!("unknown command {other}"))),
    };
    match command {
        Command::Demo if !files.is_empty() => {
            return Err(CliError::Usage("demo takes no files".into()));
        }
        Command::Extract | Command::Check if files.is_empty() => {
            return Err(CliError::Usage(
                "no files given (use - for standard input)".into(),
            ));
        }
        _ => {}
    }
    Ok(Some(Options {
        command,
        files: files.to_vec(),
        json,
    }))
}

fn read_file(path: &str) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|mut file| file.read_to_end(&mut bytes))
            .map(|_| ())
    };
    let name = if path == "-" {
        "standard input".to_string()
    } else {
        path.to_string()
    };
    result.map_err(|source| CliError::Unreadable {
        path: name.clone(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|_| CliError::NotUtf8 { path: name })
}

fn run(args: &[String]) -> Result<(), CliError> {
    let Some(options) = parse(args)? else {
        print!("{USAGE}");
        return Ok(());
    };
    let mut corpus = Corpus::new();
    match options.command {
        Command::Demo => {
            for document in figcheck::demo::documents() {
                corpus.insert(document).map_err(CliError::Rejected)?;
            }
        }
        _ => {
            for path in &options.files {
                let text = read_file(path)?;
                corpus
                    .insert(Document::new(path.as_str(), text))
                    .map_err(CliError::Rejected)?;
            }
        }
    }
    let report = match options.command {
        Command::Extract => corpus.figures_report(),
        _ => corpus.report(),
    };
    let mut out = io::stdout().lock();
    let written = if options.json {
        serde_json::to_writer(&mut out, &report)
            .map_err(io::Error::other)
            .and_then(|()| writeln!(out))
    } else {
        write_readable(
            &mut out,
            &corpus,
            &report,
            matches!(options.command, Command::Extract),
        )
    };
    match written {
        // A closed pipe (`figcheck ... | head`) is not an error.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(CliError::Output),
    }
}

/// The readable report: each document's figures with line numbers, then the findings.
fn write_readable(
    out: &mut impl Write,
    corpus: &Corpus,
    report: &Report,
    extract_only: bool,
) -> io::Result<()> {
    for document in &report.documents {
        let lines = LineIndex::new(
            corpus
                .get(&document.id)
                .map_or("", |a| a.document.text.as_str()),
        );
        writeln!(out, "{} — {} figures", document.id, document.figures)?;
        writeln!(out, "  {}", document.title)?;
        for figure in report.figures.iter().filter(|f| f.doc == document.id) {
            let (line, column) = lines.line_column(figure.start);
            let furniture = if figure.boilerplate {
                "  [boilerplate]"
            } else {
                ""
            };
            writeln!(
                out,
                "  {line:>4}:{column:<3} {:<18} {:<22} {}{furniture}",
                format!("{:?}", figure.kind).to_lowercase(),
                quote(&figure.text),
                figure.reading
            )?;
        }
        writeln!(out)?;
    }
    if extract_only {
        return Ok(());
    }
    if report.findings.is_empty() {
        writeln!(out, "No findings.")?;
    }
    // Disagreements the checker is unsure of come last, apart, and are not counted.
    let (sure, unsure): (Vec<_>, Vec<_>) = report
        .findings
        .iter()
        .partition(|f| f.kind != figcheck::FindingKind::Possible);
    let unsure_heading = format!(
        "Possible disagreements, not counted as contradictions ({}):\n",
        unsure.len()
    );
    for (index, finding) in sure.iter().chain(&unsure).enumerate() {
        if index == sure.len() {
            writeln!(out, "{unsure_heading}")?;
        }
        writeln!(
            out,
            "{:?} · {:?} · confidence {:.2}",
            finding.kind, finding.severity, finding.confidence
        )?;
        for side in [&finding.a, &finding.b] {
            let lines = LineIndex::new(
                corpus
                    .get(&side.doc)
                    .map_or("", |a| a.document.text.as_str()),
            );
            let (line, _) = lines.line_column(side.start);
            writeln!(out, "  {}:{line}  {}", side.doc, quote(&side.sentence.text))?;
        }
        writeln!(out, "  {}", finding.explanation)?;
        writeln!(out)?;
    }
    Ok(())
}

fn quote(text: &str) -> String {
    format!("“{}”", text.replace('\n', " "))
}

/// Where each line of a text starts, for line and column numbers in one binary search
/// (a scan from the start for every figure would make the report quadratic).
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|start| *start <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |l| l.chars().count())
            + 1;
        (line, column)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("figcheck: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn line_and_column_count_characters_from_the_line_start() {
        let text = "first\n€ 18%\n\nlast";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_column(0), (1, 1));
        assert_eq!(lines.line_column(text.find("18%").unwrap()), (2, 3));
        assert_eq!(lines.line_column(text.find("last").unwrap()), (4, 1));
        assert_eq!(lines.line_column(text.len()), (4, 5));
    }
}
