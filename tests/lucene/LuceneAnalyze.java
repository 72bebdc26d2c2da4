// Owns the Lucene side of the analyzer-parity test: builds a Lucene 8 chain from an ES settings file and tokenises JSON Lines.

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Usage: {@code java LuceneAnalyze SETTINGS.json ANALYZER_NAME < lines.jsonl}.
 *
 * <p>Reads an Elasticsearch/OpenSearch index-creation body, finds the named custom analyzer and
 * builds the same Lucene chain Elasticsearch would. Each stdin line {@code {"text": "..."}}
 * yields one stdout line: the terms joined by single spaces. Configuration errors exit with
 * status 2 and a one-line message on stderr; a malformed input line exits with status 1.
 */
public final class LuceneAnalyze {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A configuration problem: reported on one line, exit status 2. */
  static final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
      super(message);
    }
  }

  /** Analyzer whose components are rebuilt from the parsed factories (once per thread). */
  static final class ChainAnalyzer extends Analyzer {
    private final Supplier<Tokenizer> tokenizer;
    private final List<UnaryOperator<TokenStream>> filters;

    ChainAnalyzer(Supplier<Tokenizer> tokenizer, List<UnaryOperator<TokenStream>> filters) {
      this.tokenizer = tokenizer;
      this.filters = filters;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = tokenizer.get();
      TokenStream stream = source;
      for (UnaryOperator<TokenStream> filter : filters) {
        stream = filter.apply(stream);
      }
      return new TokenStreamComponents(source, stream);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java LuceneAnalyze SETTINGS.json ANALYZER_NAME < input.jsonl");
      System.exit(2);
    }
    Analyzer analyzer;
    try {
      analyzer = buildAnalyzer(JSON.readTree(new File(args[0])), args[1]);
    } catch (ConfigException | IOException e) {
      System.err.println("LuceneAnalyze: " + e.getMessage().replace('\n', ' '));
      System.exit(2);
      return;
    }
    try {
      analyzeStdin(analyzer);
    } catch (IOException e) {
      System.err.println("LuceneAnalyze: " + e.getMessage().lines().findFirst().orElse(""));
      System.exit(1);
    }
  }

  // ---------------------------------------------------------------- settings

  static Analyzer buildAnalyzer(JsonNode root, String name) {
    JsonNode analysis = findAnalysis(root);
    JsonNode def = analysis.path("analyzer").path(name);
    if (!def.isObject()) {
      throw new ConfigException("analyzer [" + name + "] is not defined in settings.analysis.analyzer");
    }
    String type = def.path("type").asText("custom");
    if (!type.equals("custom")) {
      throw new ConfigException("analyzer [" + name + "] has type [" + type + "], only [custom] is supported");
    }
    if (!asList(def.path("char_filter")).isEmpty()) {
      throw new ConfigException("analyzer [" + name + "] uses char_filter, which is not supported");
    }
    String tokenizerName = def.path("tokenizer").asText("");
    if (tokenizerName.isEmpty()) {
      throw new ConfigException("analyzer [" + name + "] has no tokenizer");
    }
    Supplier<Tokenizer> tokenizer = tokenizer(tokenizerName, component(analysis, "tokenizer", tokenizerName));
    List<UnaryOperator<TokenStream>> filters = new ArrayList<>();
    for (String filterName : asList(def.path("filter"))) {
      filters.add(filter(filterName, component(analysis, "filter", filterName)));
    }
    return new ChainAnalyzer(tokenizer, filters);
  }

  /** {@code settings.analysis}, or {@code settings.index.analysis} as ES sometimes writes it. */
  static JsonNode findAnalysis(JsonNode root) {
    JsonNode settings = root.path("settings");
    JsonNode analysis = settings.path("analysis");
    if (analysis.isMissingNode()) {
      analysis = settings.path("index").path("analysis");
    }
    if (!analysis.isObject()) {
      throw new ConfigException("no settings.analysis (or settings.index.analysis) object");
    }
    return analysis;
  }

  /** The definition under {@code analysis.<section>.<name>}, or {@code {"type": name}} for a built-in. */
  static JsonNode component(JsonNode analysis, String section, String name) {
    JsonNode def = analysis.path(section).path(name);
    if (def.isObject()) {
      if (!def.hasNonNull("type")) {
        throw new ConfigException(section + " [" + name + "] has no type");
      }
      return def;
    }
    return JSON.createObjectNode().put("type", name);
  }

  /** ES accepts either a single string or an array of strings. */
  static List<String> asList(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (node.isValueNode() && !node.isNull()) {
      out.add(node.asText());
    }
    return out;
  }

  // -------------------------------------------------------------- tokenizers

  static Supplier<Tokenizer> tokenizer(String name, JsonNode def) {
    String type = def.path("type").asText();
    if (!type.equals("pattern")) {
      throw unsupported("tokenizer", name, type);
    }
    return patternTokenizer(def);
  }

  /** ES PatternTokenizerFactory: pattern default {@code \W+}, group default -1, flags "A|B". */
  static Supplier<Tokenizer> patternTokenizer(JsonNode def) {
    String regex = def.path("pattern").asText("\\W+");
    Pattern pattern = Pattern.compile(regex, regexFlags(def.path("flags").asText("")));
    int group = def.path("group").asInt(-1);
    return () -> new PatternTokenizer(pattern, group);
  }

  /** Same syntax as ES Regex.flagsFromString: java.util.regex.Pattern constant names joined by '|'. */
  static int regexFlags(String flags) {
    int result = 0;
    for (String flag : flags.split("\\|")) {
      String f = flag.trim().toUpperCase(Locale.ROOT);
      if (f.isEmpty()) {
        continue;
      }
      try {
        result |= Pattern.class.getField(f).getInt(null);
      } catch (ReflectiveOperationException e) {
        throw new ConfigException("unknown regex flag [" + flag + "]");
      }
    }
    return result;
  }

  // ----------------------------------------------------------------- filters

  static UnaryOperator<TokenStream> filter(String name, JsonNode def) {
    String type = def.path("type").asText();
    switch (type) {
      case "lowercase":
        return lowercase(name, def);
      case "length":
        int min = def.path("min").asInt(0);
        int max = def.path("max").asInt(Integer.MAX_VALUE);
        return ts -> new LengthFilter(ts, min, max);
      case "stop":
        return stop(name, def);
      case "keyword_marker":
        return keywordMarker(name, def);
      case "snowball":
        return snowball(name, def);
      case "asciifolding":
        boolean preserve = def.path("preserve_original").asBoolean(false);
        return ts -> new ASCIIFoldingFilter(ts, preserve);
      default:
        throw unsupported("filter", name, type);
    }
  }

  /** Plain LowerCaseFilter; ES's language variants are not supported. */
  static UnaryOperator<TokenStream> lowercase(String name, JsonNode def) {
    if (def.hasNonNull("language")) {
      throw new ConfigException("filter [" + name + "] of type [lowercase]: language ["
          + def.get("language").asText() + "] is not supported");
    }
    return LowerCaseFilter::new;
  }

  /** ES StopTokenFilterFactory with an explicit word list; ignore_case default false. */
  static UnaryOperator<TokenStream> stop(String name, JsonNode def) {
    if (!def.path("remove_trailing").asBoolean(true)) {
      throw new ConfigException("filter [" + name + "] of type [stop]: remove_trailing=false is not supported");
    }
    if (!def.path("stopwords").isArray()) {
      throw new ConfigException("filter [" + name + "] of type [stop]: only a [stopwords] list is supported");
    }
    boolean ignoreCase = def.path("ignore_case").asBoolean(false);
    CharArraySet words = new CharArraySet(asList(def.path("stopwords")), ignoreCase);
    return ts -> new StopFilter(ts, words);
  }

  /** ES KeywordMarkerTokenFilterFactory with a keywords_pattern (matched against the whole token). */
  static UnaryOperator<TokenStream> keywordMarker(String name, JsonNode def) {
    if (!def.hasNonNull("keywords_pattern")) {
      throw new ConfigException("filter [" + name + "] of type [keyword_marker]: only [keywords_pattern] is supported");
    }
    Pattern pattern = Pattern.compile(def.get("keywords_pattern").asText());
    return ts -> new PatternKeywordMarkerFilter(ts, pattern);
  }

  /** ES SnowballTokenFilterFactory: language default English, loads org.tartarus.snowball.ext.XStemmer. */
  static UnaryOperator<TokenStream> snowball(String name, JsonNode def) {
    String language = def.path("language").asText("English");
    try {
      Class.forName("org.tartarus.snowball.ext." + language + "Stemmer");
    } catch (ClassNotFoundException e) {
      throw new ConfigException("filter [" + name + "] of type [snowball]: unknown language [" + language + "]");
    }
    return ts -> new SnowballFilter(ts, language);
  }

  static ConfigException unsupported(String kind, String name, String type) {
    return new ConfigException("unsupported " + kind + " [" + name + "] of type [" + type + "]");
  }

  // --------------------------------------------------------------- analysing

  static void analyzeStdin(Analyzer analyzer) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    StringBuilder line = new StringBuilder();
    String raw;
    long lineNo = 0;
    while ((raw = in.readLine()) != null) {
      lineNo++;
      line.setLength(0);
      if (!raw.isBlank()) {
        tokens(analyzer, textOf(raw, lineNo), line);
      }
      out.append(line).append('\n');
    }
    out.flush();
    analyzer.close();
  }

  static String textOf(String raw, long lineNo) throws IOException {
    JsonNode text;
    try {
      text = JSON.readTree(raw).path("text");
    } catch (JsonProcessingException e) {
      throw new IOException("stdin line " + lineNo + ": invalid JSON: " + e.getOriginalMessage());
    }
    if (!text.isTextual()) {
      throw new IOException("stdin line " + lineNo + ": expected {\"text\": \"...\"}");
    }
    return text.asText();
  }

  /** Appends the terms of {@code text}, separated by single spaces, to {@code out}. */
  static void tokens(Analyzer analyzer, String text, StringBuilder out) throws IOException {
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(term.buffer(), 0, term.length());
      }
      ts.end();
    }
  }
}
