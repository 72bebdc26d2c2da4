//! Trains the entity judge's weights (`src/entities/judge/weights.tsv`) on the annotated
//! articles of `tests/data/`: a multinomial logistic regression over the features of each name
//! the judge weighs, labelled by the kind the annotators gave that name (or none).
//!
//! `cargo run --release --example train_entities` trains on every set but the reserve blind one
//! (scored too, but kept out of training; the six other blind sets are among them) and writes
//! the weights; the build embeds them. `--train SETS --eval SET`
//! (comma-separated file names of tests/data) trains on some sets and scores another, writing
//! nothing: the typed micro-F1 of the rules alone and with the judge, decided by the library from
//! the weights as they would be written (`--errors` lists the proposals the judge gets wrong).
//! Training is deterministic.

use anyhow::Context;
use depeche::EntityKind;
use depeche::entities::{JudgeWeights, Proposal, listed_form, name_key, proposals};
use depeche::parse::{Format, parse_file};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The answers, in the order of each feature's weights.
const ANSWERS: [Option<EntityKind>; 4] = [
    Some(EntityKind::Per),
    Some(EntityKind::Loc),
    Some(EntityKind::Org),
    None,
];
const DEFAULT_SETS: &str = "ner_train.jsonl,ner_dev.jsonl,ner_heldout.jsonl,ner_test.jsonl,\
    ner_blind.jsonl,ner_final.jsonl,ner_last.jsonl,ner_next.jsonl,ner_fresh.jsonl,ner_train2.jsonl,\
    ner_train3.jsonl,ner_unseen.jsonl";
/// The fewest examples a feature must be seen in to be learnt.
const MIN_COUNT: usize = 3;
/// Passes over the examples.
const EPOCHS: usize = 5;
/// AdaGrad's learning rate.
const RATE: f64 = 0.2;
/// L2 regularisation: weights of features seen a few times stay small.
const L2: f64 = 3e-2;

/// One annotated article: the gold name keys of each kind.
struct Gold {
    file: String,
    keys: [HashSet<String>; 3],
}

/// An annotated article and the names the rules propose for it.
type Annotated = (Gold, Vec<Proposal>);

/// One proposal to learn from: its feature ids, its rules' kind and its answer.
struct Example {
    features: Vec<usize>,
    answer: usize,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|at| args.get(at + 1).cloned())
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus");
    let train = flag("--train").unwrap_or_else(|| DEFAULT_SETS.to_string());
    let articles = load(&root, &corpus, &train)?;
    let mut vocabulary: HashMap<String, usize> = HashMap::new();
    let examples: Vec<Example> = articles
        .iter()
        .flat_map(|(gold, proposals)| proposals.iter().map(move |p| (gold, p)))
        .filter(|(_, p)| p.judged)
        .map(|(gold, p)| example(gold, p, &mut vocabulary))
        .collect();
    let examples = frequent_only(examples, vocabulary.len());
    let weights = train_weights(&examples, vocabulary.len());
    println!(
        "trained on {} proposals, {} features",
        examples.len(),
        vocabulary.len()
    );
    let written = tsv(&weights, &vocabulary);
    match flag("--eval") {
        Some(eval) => {
            let held = load(&root, &corpus, &eval)?;
            let judge = JudgeWeights::parse(&written);
            report("rules", &held, |p| Some(p.kind));
            report("judged", &held, |p| judge.decide(p));
            if args.iter().any(|a| a == "--errors") {
                print_errors(&held, |p| judge.decide(p));
            }
        }
        None => {
            let out = root.join("src/entities/judge/weights.tsv");
            std::fs::write(&out, written)?;
            println!("wrote {}", out.display());
        }
    }
    Ok(())
}

/// The articles of the comma-separated gold sets `sets`, with their proposals.
fn load(root: &Path, corpus: &Path, sets: &str) -> anyhow::Result<Vec<Annotated>> {
    let mut articles = Vec::new();
    for set in sets.split(',') {
        let text = std::fs::read_to_string(root.join("tests/data").join(set))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let record: serde_json::Value = serde_json::from_str(line)?;
            let file = record["file"].as_str().unwrap_or_default().to_string();
            let names = |kind: &str| -> HashSet<String> {
                record[kind]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|n| n.as_str())
                    .map(|n| scored_key(kind, n))
                    .collect()
            };
            let keys = [names("per"), names("loc"), names("org")];
            let path = corpus.join(&file);
            let parsed = parse_file(&path, Format::Text).with_context(|| {
                format!(
                    "{}: the shared corpus must sit beside the clone",
                    path.display()
                )
            })?;
            let article = &parsed.articles[0];
            articles.push((
                Gold { file, keys },
                proposals(&article.title, &article.body),
            ));
        }
    }
    Ok(articles)
}

/// The key a name is scored by, as tests/cli/entities_dev_set.rs scores it.
fn scored_key(kind: &str, name: &str) -> String {
    match listed_form(name) {
        Some(listed) if kind != "per" => name_key(listed),
        _ => name_key(name),
    }
}

/// The example of proposal `p` of the article `gold`: answered with the rules' kind when the
/// gold lists the name so, else with another kind that lists it, else none.
fn example(gold: &Gold, p: &Proposal, vocabulary: &mut HashMap<String, usize>) -> Example {
    let listed = |at: usize| gold.keys[at].contains(&scored_key(kind_name(ANSWERS[at]), &p.form));
    let rules = p.kind as usize;
    let answer = match listed(rules) {
        true => rules,
        false => (0..3).find(|&at| listed(at)).unwrap_or(3),
    };
    let features = p
        .features
        .iter()
        .map(|f| {
            let next = vocabulary.len();
            *vocabulary.entry(f.clone()).or_insert(next)
        })
        .collect();
    Example { features, answer }
}

fn kind_name(kind: Option<EntityKind>) -> &'static str {
    kind.map_or("none", EntityKind::name)
}

/// The examples with only the features seen in at least `MIN_COUNT` of them: a feature seen
/// once learns the one article it was seen in.
fn frequent_only(mut examples: Vec<Example>, features: usize) -> Vec<Example> {
    let mut counts = vec![0usize; features];
    for example in &examples {
        for &f in &example.features {
            counts[f] += 1;
        }
    }
    for example in &mut examples {
        example.features.retain(|&f| counts[f] >= MIN_COUNT);
    }
    examples
}

/// Multinomial logistic regression by AdaGrad over the examples in a fixed shuffled order.
fn train_weights(examples: &[Example], features: usize) -> Vec<[f64; 4]> {
    let mut weights = vec![[0.0; 4]; features];
    let mut squares = vec![[1e-8; 4]; features];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 2029;
    for _ in 0..EPOCHS {
        for at in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            order.swap(at, (seed >> 33) as usize % (at + 1));
        }
        for &at in &order {
            let example = &examples[at];
            let probabilities = softmax(&scores(&weights, &example.features));
            for &f in &example.features {
                for answer in 0..4 {
                    let target = f64::from(u8::from(answer == example.answer));
                    let gradient = probabilities[answer] - target + L2 * weights[f][answer];
                    squares[f][answer] += gradient * gradient;
                    weights[f][answer] -= RATE * gradient / squares[f][answer].sqrt();
                }
            }
        }
    }
    weights
}

fn scores(weights: &[[f64; 4]], features: &[usize]) -> [f64; 4] {
    let mut scores = [0.0; 4];
    for &f in features {
        for answer in 0..4 {
            scores[answer] += weights[f][answer];
        }
    }
    scores
}

fn softmax(scores: &[f64; 4]) -> [f64; 4] {
    let top = scores.iter().cloned().fold(f64::MIN, f64::max);
    let exps = scores.map(|s| (s - top).exp());
    let sum: f64 = exps.iter().sum();
    exps.map(|e| e / sum)
}

/// The kind the gold gives the name of `p`, if any.
fn gold_kind(gold: &Gold, p: &Proposal) -> Option<EntityKind> {
    (0..3)
        .find(|&at| gold.keys[at].contains(&scored_key(kind_name(ANSWERS[at]), &p.form)))
        .and_then(|at| ANSWERS[at])
}

/// Prints each proposal `decide` answers otherwise than the gold.
fn print_errors(articles: &[Annotated], decide: impl Fn(&Proposal) -> Option<EntityKind>) {
    for (gold, proposals) in articles {
        for p in proposals {
            let (right, got) = (gold_kind(gold, p), decide(p));
            if got != right {
                println!(
                    "{}\t{}\trules {}\tjudge {}\tgold {}\tjudged {}",
                    gold.file,
                    p.form,
                    p.kind.name(),
                    kind_name(got),
                    kind_name(right),
                    p.judged
                );
            }
        }
    }
}

/// Prints typed micro P/R/F1 over (article, kind, key) of `decide` on `articles`.
fn report(label: &str, articles: &[Annotated], decide: impl Fn(&Proposal) -> Option<EntityKind>) {
    let (mut tp, mut fp, mut fn_) = ([0usize; 3], [0usize; 3], [0usize; 3]);
    for (gold, proposals) in articles {
        let mut predicted: [HashSet<String>; 3] = Default::default();
        for p in proposals {
            if let Some(kind) = decide(p) {
                let at = kind as usize;
                predicted[at].insert(scored_key(kind.name(), &p.form));
            }
        }
        for at in 0..3 {
            tp[at] += predicted[at].intersection(&gold.keys[at]).count();
            fp[at] += predicted[at].difference(&gold.keys[at]).count();
            fn_[at] += gold.keys[at].difference(&predicted[at]).count();
        }
    }
    let f1 = |tp: usize, fp: usize, fn_: usize| 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64;
    let all = (tp.iter().sum(), fp.iter().sum(), fn_.iter().sum());
    println!(
        "{label:<7} per {:.3} loc {:.3} org {:.3} overall {:.3} (TP {} FP {} FN {})",
        f1(tp[0], fp[0], fn_[0]),
        f1(tp[1], fp[1], fn_[1]),
        f1(tp[2], fp[2], fn_[2]),
        f1(all.0, all.1, all.2),
        all.0,
        all.1,
        all.2
    );
}

/// The weights as `feature<TAB>w_per w_loc w_org w_none` lines, sorted by feature, the
/// negligible left out.
fn tsv(weights: &[[f64; 4]], vocabulary: &HashMap<String, usize>) -> String {
    let sorted: BTreeMap<&str, usize> =
        vocabulary.iter().map(|(f, &id)| (f.as_str(), id)).collect();
    let mut out = String::from(
        "# feature\tper loc org none: written by `cargo run --release --example train_entities`\n",
    );
    for (feature, id) in sorted {
        let w = weights[id];
        if w.iter().all(|v| v.abs() < 5e-5) {
            continue;
        }
        out.push_str(&format!(
            "{feature}\t{:.4} {:.4} {:.4} {:.4}\n",
            w[0], w[1], w[2], w[3]
        ));
    }
    out
}
