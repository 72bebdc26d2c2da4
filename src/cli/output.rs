//! Printing results: human-readable text (bold highlights on a terminal) or JSON for scripts.

use depeche::api::{EntitiesResponse, SearchPage, SearchResponse};
use depeche::bench::BenchReport;
use depeche::export::ExportSummary;
use depeche::index::{IndexSummary, Skipped};
use depeche::{Article, EntityCount, Hit};
use serde::Serialize;
use std::io::{self, Write};

/// Whether to emphasise with ANSI bold: stdout is a terminal and `NO_COLOR` is unset or empty.
pub fn use_color() -> bool {
    use std::io::IsTerminal;
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints a search's results as one JSON object.
pub fn search_json(out: &mut impl Write, page: &SearchPage) -> io::Result<()> {
    json_line(out, &SearchResponse::of_page(page))
}

/// Prints a search's results for people, after the query run instead of the one given, if any.
pub fn search_text(out: &mut impl Write, page: &SearchPage, color: bool) -> io::Result<()> {
    if let Some(understood) = &page.understood {
        writeln!(
            out,
            "Searched for: {understood} ({})",
            page.notes.join("; ")
        )?;
    }
    if let Some(corrected) = &page.did_you_mean {
        writeln!(out, "Did you mean: {corrected}?")?;
    }
    let results = &page.results;
    let shown = results.hits.len();
    let partial = results.hits.iter().filter(|h| h.partial).count();
    write!(
        out,
        "{} article(s) match every term; showing {shown}",
        results.total_hits
    )?;
    if partial > 0 {
        write!(out, " ({partial} partial: missing some terms)")?;
    }
    writeln!(out, " in {:.1} ms", results.took_ms)?;
    for hit in &results.hits {
        writeln!(out)?;
        hit_text(out, hit, color)?;
    }
    Ok(())
}

fn hit_text(out: &mut impl Write, hit: &Hit, color: bool) -> io::Result<()> {
    let (bold, plain) = if color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let partial = if hit.partial { " [partial]" } else { "" };
    writeln!(
        out,
        "{}. {bold}{}{plain}  (score {:.2}){partial}",
        hit.rank, hit.title, hit.score
    )?;
    let mut about: Vec<String> = Vec::new();
    about.extend(hit.dateline.clone());
    about.extend(hit.date.map(|d| d.to_string()));
    about.push(hit.path.clone());
    writeln!(out, "   {}", about.join(" · "))?;
    if !hit.snippet.text.is_empty() {
        writeln!(
            out,
            "   {}",
            hit.snippet.render(bold, plain, str::to_string)
        )?;
    }
    Ok(())
}

/// Prints an indexing summary, as text or JSON.
pub fn index_summary(out: &mut impl Write, summary: &IndexSummary, json: bool) -> io::Result<()> {
    match json {
        true => json_line(out, summary),
        false => index_text(out, summary),
    }
}

fn index_text(out: &mut impl Write, summary: &IndexSummary) -> io::Result<()> {
    writeln!(
        out,
        "indexed {} articles from {} files in {:.2} s ({:.1} MB/s); the index holds {} articles",
        summary.articles_indexed,
        summary.added + summary.updated,
        summary.elapsed.as_secs_f64(),
        summary.megabytes_per_second(),
        summary.articles
    )?;
    writeln!(
        out,
        "files: {} seen, {} added, {} updated, {} removed, {} unchanged, {} not articles",
        summary.files_seen,
        summary.added,
        summary.updated,
        summary.removed,
        summary.unchanged,
        summary.not_articles
    )?;
    writeln!(out, "skipped: {}", summary.skipped.len())?;
    let entities = match summary.entities {
        true => "extracted",
        false => "not extracted (--entities extracts them)",
    };
    writeln!(out, "entities: {entities}")
}

/// Prints an export summary, as text or JSON.
pub fn export_summary(out: &mut impl Write, summary: &ExportSummary, json: bool) -> io::Result<()> {
    let paths = |paths: &[std::path::PathBuf]| -> Vec<String> {
        paths.iter().map(|p| p.display().to_string()).collect()
    };
    if json {
        let value = serde_json::json!({
            "articles": summary.articles,
            "files": summary.files,
            "not_articles": summary.not_articles,
            "skipped": summary.skipped,
            "bytes_read": summary.bytes_read,
            "bytes_written": summary.bytes_written,
            "settings": summary.settings.display().to_string(),
            "bulk_files": paths(&summary.bulk_files),
            "readme": summary.readme.display().to_string(),
            "elapsed_s": summary.elapsed.as_secs_f64(),
            "mb_per_s": summary.megabytes_per_second(),
        });
        return json_line(out, &value);
    }
    writeln!(
        out,
        "exported {} articles from {} files in {:.2} s ({:.1} MB/s): {} bulk file(s), {:.1} MB",
        summary.articles,
        summary.files,
        summary.elapsed.as_secs_f64(),
        summary.megabytes_per_second(),
        summary.bulk_files.len(),
        summary.bytes_written as f64 / 1e6
    )?;
    writeln!(out, "settings: {}", summary.settings.display())?;
    writeln!(out, "skipped: {}", summary.skipped.len())?;
    writeln!(
        out,
        "to load them: {} (two curl commands)",
        summary.readme.display()
    )
}

/// How many skipped files or lines `depeche index` lists without `--verbose`.
pub const SKIPS_SHOWN: usize = 5;

/// Lists skipped files and lines, one `depeche: skipped PATH: REASON` line each (`PATH` is
/// `file:line` for a JSON line): all of them when `verbose`, else the first few and how many more.
pub fn skips(err: &mut impl Write, skipped: &[Skipped], verbose: bool) -> io::Result<()> {
    let shown = match verbose {
        true => skipped.len(),
        false => skipped.len().min(SKIPS_SHOWN),
    };
    for skip in &skipped[..shown] {
        writeln!(err, "depeche: skipped {}: {}", skip.path, skip.reason)?;
    }
    match skipped.len() - shown {
        0 => Ok(()),
        more => writeln!(
            err,
            "depeche: … {more} more skipped; --verbose lists them all"
        ),
    }
}

/// Prints what the parser saw, as JSON (one object per article, one per line) or text.
pub fn extract(out: &mut impl Write, articles: &[Article], json: bool) -> io::Result<()> {
    for article in articles {
        if json {
            json_line(out, article)?;
        } else {
            article_text(out, article)?;
        }
    }
    Ok(())
}

fn article_text(out: &mut impl Write, article: &Article) -> io::Result<()> {
    let none = || "-".to_string();
    let dateline = article.dateline.clone().unwrap_or_default();
    let year_from = dateline
        .year_from
        .map(|y| format!(" (year from {})", serde_plain(&y)))
        .unwrap_or_default();
    writeln!(out, "path:     {}", article.path)?;
    writeln!(out, "title:    {}", article.title)?;
    writeln!(
        out,
        "dateline: {}",
        Some(dateline.text)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(none)
    )?;
    writeln!(out, "place:    {}", dateline.place.unwrap_or_else(none))?;
    writeln!(
        out,
        "date:     {}{year_from}",
        dateline.date.map_or_else(none, |d| d.to_string())
    )?;
    writeln!(out, "agency:   {}", dateline.agency.unwrap_or_else(none))?;
    let entities = &article.entities;
    for (kind, names) in [
        ("per", &entities.per),
        ("loc", &entities.loc),
        ("org", &entities.org),
    ] {
        writeln!(out, "{kind}:      {}", names.join("; "))?;
    }
    writeln!(out, "body:\n{}\n", article.body)
}

/// A unit enum variant's serde name (`file_time`).
fn serde_plain(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Prints entity counts: a line each (`per  12  Name`, tab-separated), or JSON.
pub fn entity_counts(
    out: &mut impl Write,
    query: &str,
    counts: &[EntityCount],
    json: bool,
) -> io::Result<()> {
    if json {
        return json_line(out, &EntitiesResponse::new(query, counts));
    }
    for count in counts {
        writeln!(
            out,
            "{}\t{}\t{}",
            count.kind.name(),
            count.articles,
            count.name
        )?;
    }
    Ok(())
}

/// Prints a bench report: a latency table per class and overall, or JSON.
pub fn bench(out: &mut impl Write, report: &BenchReport, json: bool) -> io::Result<()> {
    match json {
        true => json_line(out, report),
        false => bench_table(out, report),
    }
}

fn bench_table(out: &mut impl Write, report: &BenchReport) -> io::Result<()> {
    writeln!(
        out,
        "{:<16} {:>7} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "class", "runs", "hits", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "qps"
    )?;
    let rows = report
        .classes
        .iter()
        .map(|(c, s)| (c.as_str(), s))
        .chain([("overall", &report.overall)]);
    for (class, s) in rows {
        writeln!(
            out,
            "{class:<16} {:>7} {:>6} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9.0}",
            s.count, s.with_hits, s.p50_ms, s.p90_ms, s.p99_ms, s.p999_ms, s.max_ms, s.qps
        )?;
    }
    if let Some(errors) = report.errors {
        return http_lines(out, report, errors);
    }
    let total = (report.rank_ms + report.load_ms).max(1e-9);
    writeln!(
        out,
        "time in ranking {:.0}%, in documents and snippets {:.0}%",
        100.0 * report.rank_ms / total,
        100.0 * report.load_ms / total
    )?;
    writeln!(
        out,
        "index opened in {:.1} ms; first query {:.2} ms (not in the table)",
        report.open_ms, report.first_query_ms
    )?;
    match report.memory {
        Some(memory) => writeln!(
            out,
            "memory: {:.1} MB resident, {:.1} MB of it anonymous (the rest is the mapped index)",
            memory.rss_mb, memory.anonymous_mb
        ),
        None => Ok(()),
    }
}

/// The lines of a bench over HTTP below its table: the errors and the first request.
fn http_lines(out: &mut impl Write, report: &BenchReport, errors: u64) -> io::Result<()> {
    writeln!(
        out,
        "errors {errors} (requests that failed or did not answer 200; not in the table)"
    )?;
    writeln!(
        out,
        "first request {:.2} ms on a new connection (not in the table)",
        report.first_query_ms
    )
}

/// Prints `value` as JSON on one line.
fn json_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}
