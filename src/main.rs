//! The `depeche` command: parses flags, calls the library, prints. Exit 0 with results, 1 with none,
//! 2 on error.

/// mimalloc: extraction and parsing allocate many small strings, which it serves faster.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;

use anyhow::{Context, Result};
use clap::Parser;
use cli::flags::{BenchFlags, Cli, Command, ExportFlags, IndexFlags, KindArg};
use cli::{hints, output, progress, synth};
use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(found) => ExitCode::from(if found { 0 } else { 1 }),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("depeche: {}", hints::message(&error));
            ExitCode::from(2)
        }
    }
}

/// Runs one command; `Ok(false)` when it found nothing.
fn run(command: Command) -> Result<bool> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let found = match command {
        Command::Index {
            flags,
            json,
            verbose,
            strict,
        } => index(flags, json, verbose, strict, &mut out)?,
        Command::Search { flags, index, json } => {
            let options = flags.into_options()?;
            let engine = depeche::Engine::open(&index)?;
            let page = depeche::api::search_page(&engine, &options, false)?;
            if page.results.hits.is_empty()
                && let Some(missing) = engine.missing_entities(&options)
            {
                eprintln!("depeche: note: {}", hints::message(&missing.into()));
            }
            if json {
                output::search_json(&mut out, &page)?;
            } else {
                output::search_text(&mut out, &page, output::use_color())?;
            }
            // With `--limit 0`, a count alone: matching articles are hits not shown.
            !page.results.hits.is_empty() || (options.limit == 0 && page.results.total_hits > 0)
        }
        Command::Entities {
            query,
            index,
            kind,
            top,
            json,
        } => {
            let options = depeche::EntityOptions {
                query,
                kinds: KindArg::kinds(kind),
                top,
            };
            let engine = depeche::Engine::open(&index)?;
            let counts = depeche::search::top_entities(&engine, &options)?;
            output::entity_counts(&mut out, &options.query, &counts, json)?;
            !counts.is_empty()
        }
        Command::Bench { flags, json } => bench(&flags, json, &mut out)?,
        Command::Export {
            flags,
            json,
            verbose,
        } => export(flags, json, verbose, &mut out)?,
        Command::Serve { index, addr, token } => {
            let options = depeche::serve::ServeOptions { index, addr, token };
            depeche::serve::serve(&options, |bound| {
                let link = match &options.token {
                    Some(token) => format!("http://{bound}/?token={token}"),
                    None => format!("http://{bound}/"),
                };
                println!(
                    "depeche: serving {} at {link} (Ctrl-C stops)",
                    options.index.display()
                );
            })?;
            true
        }
        Command::Synth {
            from,
            out: folder,
            count,
            seed,
        } => {
            let options = synth::SynthOptions {
                source: from,
                out: folder,
                count,
                seed,
            };
            let bytes = synth::generate(&options)?;
            writeln!(
                out,
                "wrote {count} articles, {:.1} MB, in {}",
                bytes as f64 / 1e6,
                options.out.display()
            )?;
            count > 0
        }
        Command::Extract { file, json } => {
            let format = depeche::parse::Format::of(&file).with_context(|| {
                format!(
                    "{}: not an article format (.txt .md .html .json .jsonl)",
                    file.display()
                )
            })?;
            let mut parsed = depeche::parse::parse_file(&file, format)?;
            parsed
                .articles
                .iter_mut()
                .for_each(depeche::entities::annotate);
            output::extract(&mut out, &parsed.articles, json)?;
            for problem in &parsed.problems {
                eprintln!("depeche: skipped {problem}");
            }
            !parsed.articles.is_empty()
        }
    };
    out.flush()?;
    Ok(found)
}

/// `depeche index`: the summary on stdout, then the skips on stderr (all of them when `verbose`);
/// with `strict`, any skip is an error once everything else is indexed. `Ok(false)` for an empty
/// index.
fn index(
    flags: IndexFlags,
    json: bool,
    verbose: bool,
    strict: bool,
    out: &mut impl Write,
) -> Result<bool> {
    let options = flags.into_options();
    let bar = progress::Bar::new();
    let summary = depeche::build_index(&options, &bar)
        .with_context(|| format!("indexing {}", options.corpus.display()))?;
    bar.finish();
    output::index_summary(out, &summary, json)?;
    out.flush()?;
    output::skips(&mut io::stderr().lock(), &summary.skipped, verbose)?;
    if strict {
        summary.nothing_skipped().context("--strict")?;
    }
    Ok(summary.articles > 0)
}

/// `depeche export`: the summary on stdout, then the skips on stderr (all of them when
/// `verbose`). `Ok(false)` when no article was written.
fn export(flags: ExportFlags, json: bool, verbose: bool, out: &mut impl Write) -> Result<bool> {
    let options = flags.into_options();
    let bar = progress::Bar::new();
    let summary = depeche::export::export(&options, &bar)
        .with_context(|| format!("exporting {}", options.corpus.display()))?;
    bar.finish();
    output::export_summary(out, &summary, json)?;
    out.flush()?;
    output::skips(&mut io::stderr().lock(), &summary.skipped, verbose)?;
    Ok(summary.articles > 0)
}

/// `depeche bench`: in process, or over HTTP with `--url`; `Ok(false)` when no query was timed.
fn bench(flags: &BenchFlags, json: bool, out: &mut impl Write) -> Result<bool> {
    let queries = depeche::bench::read_queries(&flags.queries)?;
    let bar = progress::Bar::new();
    depeche::index::Progress::start(&bar, (queries.len() * flags.runs) as u64);
    let report = match &flags.url {
        Some(url) => depeche::bench::run_http(&flags.http_options(url), &queries, &bar)?,
        None => depeche::bench::run(&flags.options(), &queries, &bar)?,
    };
    bar.finish();
    output::bench(out, &report, json)?;
    Ok(report.overall.count > 0)
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
