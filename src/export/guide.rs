//! The README written beside an export: how to create the index, load the bulk files and search
//! the articles as `depeche search` does.

use super::ExportSummary;

/// The fields an unprefixed search word is looked for in, with depeche's BM25 weights: all of
/// one analyzer, so that `cross_fields` looks for each word in any of them.
const SEARCHED_FIELDS: &str = r#"["title^3", "body", "dateline.text^0.5"]"#;

/// The README of an export of index `name`.
pub fn readme(name: &str, summary: &ExportSummary) -> String {
    let files = summary.bulk_files.len();
    let articles = summary.articles;
    let fields = SEARCHED_FIELDS;
    format!(
        r#"# depeche export: index `{name}`

Written by `depeche export`: {articles} articles in {files} bulk file(s), for OpenSearch 2.x or
Elasticsearch 8.x. `{name}.settings.json` defines the index: depeche's French analyzer
(`depeche_fr`) and names analyzer (`depeche_names`) rebuilt from the engines' own filters, and the
article fields, shaped as `depeche extract --json` prints an article, plus its `id`.

## Create the index, then load the articles

```sh
ES=http://localhost:9200   # your cluster; add -u USER:PASSWORD or an API key header if it needs one
curl -sS -X PUT "$ES/{name}" -H 'Content-Type: application/json' --data-binary @{name}.settings.json
for f in bulk-*.ndjson; do curl -sS -X POST "$ES/_bulk?filter_path=errors" -H 'Content-Type: application/x-ndjson' --data-binary "@$f"; echo; done
```

Each bulk file answers `{{"errors":false}}`. An article's id is the hash of its path (the same
id as `depeche serve` gives it), so loading a later export of the same corpus again replaces the
articles instead of adding copies; articles whose file is gone stay until the index is made afresh.

## Search as depeche does

`depeche search` wants every word and tops the list up with the articles that miss some
(marked partial). One request does the same: any word must match, and the articles with every
word get a constant lead over the others. `every_word` counts them (depeche's `total_hits`).

```json
POST /{name}/_search
{{
  "query": {{
    "bool": {{
      "must": [{{ "multi_match": {{
        "query": "grève cheminots", "type": "cross_fields", "tie_breaker": 1.0,
        "fields": {fields},
        "minimum_should_match": "1" }} }}],
      "should": [{{ "constant_score": {{ "boost": 1000, "filter": {{ "multi_match": {{
        "query": "grève cheminots", "type": "cross_fields",
        "fields": {fields},
        "minimum_should_match": "100%" }} }} }} }}]
    }}
  }},
  "aggs": {{
    "every_word": {{ "filter": {{ "multi_match": {{
      "query": "grève cheminots", "type": "cross_fields",
      "fields": {fields},
      "minimum_should_match": "100%" }} }} }},
    "per": {{ "terms": {{ "field": "entities.per", "size": 10 }} }},
    "loc": {{ "terms": {{ "field": "entities.loc", "size": 10 }} }},
    "org": {{ "terms": {{ "field": "entities.org", "size": 10 }} }}
  }},
  "highlight": {{
    "pre_tags": ["<b>"], "post_tags": ["</b>"],
    "fields": {{ "body": {{ "fragment_size": 200, "number_of_fragments": 1 }} }}
  }}
}}
```

The weights are depeche's: title 3, body 1, dateline 0.5 (depeche also weighs the entity names 1;
they are words of the title or body, and a field of another analyzer would make `cross_fields`
require every word of each analyzer's fields apart). The `per`, `loc` and `org` aggregations are
depeche's facets. Filters go in a `"filter"` list beside `"must"`:

| depeche | query DSL |
| --- | --- |
| `--entity "Emmanuel Macron"` | `{{ "term": {{ "entities.per": "Emmanuel Macron" }} }}` (or `loc`, `org`) |
| `per:macron` | `{{ "match": {{ "entities.per.text": "macron" }} }}` |
| `--from 2019-12-01 --to 2020-01-31` | `{{ "range": {{ "dateline.date": {{ "gte": "2019-12-01", "lte": "2020-01-31" }} }} }}` |
| `place:lyon`, `agency:afp` | `{{ "match": {{ "dateline.place": "lyon" }} }}`, `{{ "match": {{ "dateline.agency": "afp" }} }}` |
| `--sort newest` | `"sort": [{{ "dateline.date": "desc" }}]` |

## What the engines do not do as depeche does

- Words typed without accents: depeche puts back the accents of the suffixes Snowball reads
  (`harcelee` meets `harcelée`); the engines' filters cannot, so such words may stem apart.
- Typos, foreign spellings of names (`Putin` for `Poutine`) and words split or joined: depeche
  corrects them; the engines offer `"fuzziness": "AUTO"` for typos only.
- Very long words: depeche drops tokens over 40 bytes, the engines over 40 characters.
"#
    )
}
