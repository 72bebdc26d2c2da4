//! The scale-test generator: writes a synthetic corpus of N articles in the orangesum shape by
//! recombining titles, bylines and paragraphs of a real corpus, with fresh dates.

use anyhow::{Context, Result, bail};
use chrono::{Datelike, Duration, NaiveDate};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// What `depeche synth` is asked to write.
#[derive(Clone, Debug)]
pub struct SynthOptions {
    /// The real corpus whose pieces are recombined.
    pub source: PathBuf,
    /// The folder to write into (`YYYY/MM/N.txt`).
    pub out: PathBuf,
    /// How many articles to write.
    pub count: usize,
    /// Random seed: the same seed writes the same corpus.
    pub seed: u64,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            source: PathBuf::from("../shared/corpus"),
            out: PathBuf::from("synth"),
            count: 1_000_000,
            seed: 1,
        }
    }
}

/// The pieces articles are made of.
#[derive(Default)]
struct Pieces {
    titles: Vec<String>,
    sources: Vec<String>,
    paragraphs: Vec<String>,
}

/// Writes the synthetic corpus; returns the bytes written.
pub fn generate(options: &SynthOptions) -> Result<u64> {
    let pieces = collect(&options.source)?;
    if pieces.titles.is_empty() || pieces.paragraphs.is_empty() {
        bail!(
            "corpus {}: no articles to recombine",
            options.source.display()
        );
    }
    const CHUNK: usize = 10_000;
    let chunks: Vec<usize> = (0..options.count.div_ceil(CHUNK)).collect();
    chunks
        .par_iter()
        .map(|chunk| {
            let mut rng = fastrand::Rng::with_seed(
                options.seed ^ (*chunk as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
            );
            let ids = chunk * CHUNK..((chunk + 1) * CHUNK).min(options.count);
            ids.map(|id| write_article(&options.out, id, &pieces, &mut rng))
                .sum::<Result<u64>>()
        })
        .sum()
}

/// One article: a title, a byline with a fresh date, 3 to 9 paragraphs.
fn write_article(out: &Path, id: usize, pieces: &Pieces, rng: &mut fastrand::Rng) -> Result<u64> {
    let first = NaiveDate::from_ymd_opt(2011, 1, 1).unwrap_or_default();
    let date = first + Duration::days(rng.i64(0..3652));
    let pick = |rng: &mut fastrand::Rng, from: &[String]| from[rng.usize(..from.len())].clone();
    let mut text = format!(
        "{}\n\n{}, publié le {} à {:02}h{:02}\n",
        pick(rng, &pieces.titles),
        pick(rng, &pieces.sources),
        french_date(date),
        rng.u32(6..23),
        rng.u32(0..60)
    );
    for _ in 0..rng.usize(3..10) {
        text.push('\n');
        text.push_str(&pick(rng, &pieces.paragraphs));
        text.push('\n');
    }
    let folder = out.join(format!("{:04}/{:02}", date.year(), date.month()));
    let path = folder.join(format!("{id}.txt"));
    let cannot_write = || format!("{}: cannot write", path.display());
    std::fs::create_dir_all(&folder).with_context(cannot_write)?;
    std::fs::write(&path, &text).with_context(cannot_write)?;
    Ok(text.len() as u64)
}

/// `jeudi 02 juillet 2020`.
fn french_date(date: NaiveDate) -> String {
    const DAYS: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let day = DAYS[date.weekday().num_days_from_monday() as usize];
    let month = MONTHS[date.month0() as usize];
    format!("{day} {:02} {month} {}", date.day(), date.year())
}

/// Titles, byline sources and paragraphs of the `.txt` articles under `source`.
fn collect(source: &Path) -> Result<Pieces> {
    let mut pieces = Pieces::default();
    for entry in WalkDir::new(source)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let mut blocks = text.split("\n\n").map(str::trim).filter(|b| !b.is_empty());
        let (Some(title), Some(byline)) = (blocks.next(), blocks.next()) else {
            continue;
        };
        pieces.titles.push(title.to_string());
        if let Some((source, _)) = byline.split_once(", publié le") {
            pieces.sources.push(source.to_string());
        }
        pieces.paragraphs.extend(blocks.map(str::to_string));
    }
    if pieces.sources.is_empty() {
        pieces.sources.push("AFP".into());
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_articles_in_the_orangesum_shape() {
        let source = tempfile::tempdir().unwrap();
        let article = "Un titre\n\nAFP, publié le jeudi 02 juillet 2020 à 19h19\n\nPremier paragraphe.\n\nSecond.\n";
        std::fs::write(source.path().join("1.txt"), article).unwrap();
        let out = tempfile::tempdir().unwrap();
        let options = SynthOptions {
            source: source.path().into(),
            out: out.path().into(),
            count: 25,
            seed: 7,
        };
        let bytes = generate(&options).unwrap();
        let files: Vec<PathBuf> = WalkDir::new(out.path())
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        assert_eq!(files.len(), 25);
        let total: u64 = files
            .iter()
            .map(|f| std::fs::metadata(f).unwrap().len())
            .sum();
        assert_eq!(total, bytes);
        let parsed = depeche::parse::parse_file(&files[0], depeche::parse::Format::Text).unwrap();
        let article = &parsed.articles[0];
        assert_eq!(article.title, "Un titre");
        let dateline = article.dateline.as_ref().unwrap();
        assert_eq!(dateline.agency.as_deref(), Some("AFP"));
        let date = dateline.date.unwrap();
        let folder = files[0].parent().unwrap();
        assert!(folder.ends_with(format!("{:04}/{:02}", date.year(), date.month())));
    }

    #[test]
    fn dates_in_french() {
        let date = NaiveDate::from_ymd_opt(2020, 7, 2).unwrap();
        assert_eq!(french_date(date), "jeudi 02 juillet 2020");
    }
}
