/*
 * Lucene 8 comparator for benches/compare: indexes the corpus with FrenchAnalyzer and replays
 * translated queries, timed inside the JVM after warm-up. Compiled by run.sh against Debian's
 * liblucene8-java jars (core, analyzers-common, queryparser, highlighter, memory, queries).
 *
 *   java LuceneBench index CORPUS DIR
 *   java LuceneBench bench DIR QUERIES RUNS WARMUP [--no-snippets]
 *
 * FrenchAnalyzer: StandardTokenizer, elision, lowercase, French stop words, light stemmer (which
 * also folds accents). Fields: title (weight 3 at query time), body (1), path (stored, not
 * analysed). Queries are parsed by MultiFieldQueryParser over title and body with AND as the
 * default operator; hyphenated words become phrases, as in depeche. Top 10 with path and title
 * and, unless --no-snippets, one UnifiedHighlighter passage of the body per hit (matches in <b>).
 * The bench prints the same JSON report as harness.py.
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

public final class LuceneBench {
    private static final int TOP = 10;
    private static final Set<String> STORED = Set.of("path", "title");

    private LuceneBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        } else if (args.length == 3 && args[0].equals("index")) {
            index(Paths.get(args[1]), Paths.get(args[2]));
        } else if (args[0].equals("bench")
                && (args.length == 5 || args.length == 6 && args[5].equals("--no-snippets"))) {
            bench(Paths.get(args[1]), Paths.get(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), args.length == 5);
        } else {
            usage();
        }
    }

    private static void usage() {
        System.err.println("usage: LuceneBench index CORPUS DIR"
                + " | bench DIR QUERIES RUNS WARMUP [--no-snippets]");
        System.exit(2);
    }

    /** The .txt files under corpus, sorted, without READMEs and hidden files (as harness.py). */
    static List<Path> articlePaths(Path corpus) throws IOException {
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(corpus.relativize(p)))
                    .filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .filter(p -> !p.getFileName().toString().toLowerCase().startsWith("readme"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Indexes every article: title is the first line, body the rest. */
    static void index(Path corpus, Path dir) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new FrenchAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(256);
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), config)) {
            for (Path path : articlePaths(corpus)) {
                String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
                int newline = text.indexOf('\n');
                String title = newline < 0 ? text : text.substring(0, newline);
                String body = newline < 0 ? "" : text.substring(newline + 1);
                Document doc = new Document();
                doc.add(new StringField("path", path.toString(), Field.Store.YES));
                doc.add(new TextField("title", title.strip(), Field.Store.YES));
                doc.add(new TextField("body", body.strip(), Field.Store.YES));
                writer.addDocument(doc);
            }
            writer.commit();
        }
    }

    /** Replays the queries: warm-up rounds untimed, then timed rounds, one query at a time. */
    static void bench(Path dir, Path queriesFile, int runs, int warmup, boolean snippets)
            throws IOException, ParseException {
        List<String[]> queries = new ArrayList<>();
        for (String line : Files.readAllLines(queriesFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                queries.add(line.split("\t", 2));
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            Searcher searcher = new Searcher(reader, snippets);
            for (int round = 0; round < warmup; round++) {
                for (String[] query : queries) {
                    searcher.search(query[1]);
                }
            }
            Map<String, List<Double>> latencies = new LinkedHashMap<>();
            Map<String, Integer> withHits = new LinkedHashMap<>();
            for (int round = 0; round < runs; round++) {
                for (String[] query : queries) {
                    long started = System.nanoTime();
                    int hits = searcher.search(query[1]);
                    double ms = (System.nanoTime() - started) / 1e6;
                    latencies.computeIfAbsent(query[0], k -> new ArrayList<>()).add(ms);
                    if (round == 0) {
                        withHits.merge(query[0], hits > 0 ? 1 : 0, Integer::sum);
                    }
                }
            }
            System.out.println(report(latencies, withHits));
        }
    }

    /** One single-threaded searcher with its parser and highlighter. */
    static final class Searcher {
        private final IndexSearcher searcher;
        private final QueryParser parser;
        private final UnifiedHighlighter highlighter;
        private final boolean snippets;

        Searcher(DirectoryReader reader, boolean snippets) {
            Analyzer analyzer = new FrenchAnalyzer();
            this.searcher = new IndexSearcher(reader);
            this.parser = new MultiFieldQueryParser(
                    new String[] {"title", "body"}, analyzer, Map.of("title", 3f, "body", 1f));
            this.parser.setDefaultOperator(QueryParser.Operator.AND);
            this.parser.setSplitOnWhitespace(true);
            this.parser.setAutoGeneratePhraseQueries(true);
            this.highlighter = new UnifiedHighlighter(searcher, analyzer);
            this.snippets = snippets;
        }

        /** Parses, ranks, loads the top 10's stored fields and highlights; returns the hits. */
        int search(String text) throws IOException, ParseException {
            Query query = parser.parse(text);
            TopDocs top = searcher.search(query, TOP);
            for (ScoreDoc hit : top.scoreDocs) {
                searcher.doc(hit.doc, STORED);
            }
            if (snippets) {
                highlighter.highlight("body", query, top, 1);
            }
            return top.scoreDocs.length;
        }
    }

    private static String report(Map<String, List<Double>> latencies, Map<String, Integer> hits) {
        StringBuilder json = new StringBuilder("{\"engine\": \"lucene\", \"version\": \"")
                .append(Version.LATEST).append("\", \"latencies_ms\": {");
        String sep = "";
        for (Map.Entry<String, List<Double>> e : latencies.entrySet()) {
            json.append(sep).append(quote(e.getKey())).append(": ").append(e.getValue());
            sep = ", ";
        }
        json.append("}, \"with_hits\": {");
        sep = "";
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            json.append(sep).append(quote(e.getKey())).append(": ").append(e.getValue());
            sep = ", ";
        }
        return json.append("}}").toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
