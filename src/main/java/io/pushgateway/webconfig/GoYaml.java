package io.pushgateway.webconfig;

import io.pushgateway.config.GoDuration;
import io.pushgateway.gocompat.GoQuote;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Decodes a YAML node tree the way Go's {@code yaml.v2} {@code UnmarshalStrict} decodes into the
 * toolkit's structs, with its error texts: type errors ({@code line 2: cannot unmarshal !!str
 * `maybe` into bool}), unknown and repeated fields, repeated map keys, all collected and reported
 * together as {@code yaml: unmarshal errors:} followed by one indented line each.
 *
 * <p>Scalars resolve with YAML 1.1's rules as yaml.v2 does ({@code yes}/{@code on} are booleans,
 * {@code 0x10} is an integer); anything goes into a string field as written. A null value sets a
 * field to its zero value, as in Go. Only the first document of the file is read.
 */
final class GoYaml {
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSES =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Set<String> SPECIAL_FLOATS =
      Set.of(
          ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan",
          ".NaN", ".NAN");
  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private final List<String> errors = new ArrayList<>();

  /**
   * The first document of a YAML file, or null for a file without any (empty, only comments).
   *
   * @throws WebConfigException for a syntax error: {@code yaml: line N: <problem>}
   */
  static @Nullable Node parse(byte[] content) throws WebConfigException {
    LoadSettings settings = LoadSettings.builder().setLabel("web config").build();
    try {
      Iterator<Node> documents =
          new Compose(settings)
              .composeAllFromInputStream(new ByteArrayInputStream(content))
              .iterator();
      return documents.hasNext() ? documents.next() : null;
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().orElse(e.getContextMark().orElse(null));
      String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ": ";
      throw new WebConfigException("yaml: " + where + libyamlWording(e.getProblem()), "");
    } catch (YamlEngineException e) {
      throw new WebConfigException("yaml: " + e.getMessage(), "");
    }
  }

  /** SnakeYAML's wording of a syntax problem, as libyaml (Go's parser) words the common ones. */
  private static String libyamlWording(String problem) {
    if (problem.startsWith("found character") && problem.contains("that cannot start any token")) {
      return "found character that cannot start any token";
    }
    return problem;
  }

  /**
   * Throws the collected type errors, if any, as yaml.v2 reports them.
   *
   * @throws WebConfigException {@code yaml: unmarshal errors:\n line N: ...}
   */
  void throwIfErrors() throws WebConfigException {
    if (!errors.isEmpty()) {
      throw new WebConfigException("yaml: unmarshal errors:\n  " + String.join("\n  ", errors), "");
    }
  }

  /**
   * The fields of a struct given as a mapping, by name in file order; unknown and repeated fields
   * are errors. Null for a null node (the struct is zeroed); empty after a type error.
   */
  @Nullable Map<String, Node> struct(Node node, String goType, Set<String> fieldNames) {
    List<NodeTuple> tuples = scalarKeyed(node, goType);
    if (tuples == null) {
      return null;
    }
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : tuples) {
      Node key = tuple.getKeyNode();
      String name = ((ScalarNode) key).getValue();
      if (!fieldNames.contains(name)) {
        errors.add(line(key) + ": field " + name + " not found in type " + goType);
      } else if (fields.containsKey(name)) {
        errors.add(line(key) + ": field " + name + " already set in type " + goType);
      } else {
        fields.put(name, tuple.getValueNode());
      }
    }
    return fields;
  }

  /** A {@code map[string]<value>} as key and value nodes in file order; null for a null node. */
  @Nullable Map<String, Node> map(Node node, String goType) {
    List<NodeTuple> tuples = scalarKeyed(node, goType);
    if (tuples == null) {
      return null;
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : tuples) {
      Node key = tuple.getKeyNode();
      String name = isNull(key) ? "" : ((ScalarNode) key).getValue();
      if (entries.containsKey(name)) {
        errors.add(line(key) + ": key " + GoQuote.quote(name) + " already set in map");
      } else {
        entries.put(name, tuple.getValueNode());
      }
    }
    return entries;
  }

  /**
   * The entries of a mapping whose keys are scalars (others are type errors); null for a null node,
   * empty when the node is no mapping (a type error).
   */
  private @Nullable List<NodeTuple> scalarKeyed(Node node, String goType) {
    if (isNull(node)) {
      return null;
    }
    if (!(node instanceof MappingNode mapping)) {
      typeError(node, goType);
      return List.of();
    }
    List<NodeTuple> tuples = new ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode) {
        tuples.add(tuple);
      } else {
        typeError(tuple.getKeyNode(), "string");
      }
    }
    return tuples;
  }

  /** A {@code map[string]string}: every scalar as written, null values as "". */
  @Nullable Map<String, String> stringMap(Node node, String goType) {
    Map<String, Node> nodes = map(node, goType);
    if (nodes == null) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    nodes.forEach((name, value) -> values.put(name, string(value)));
    return values;
  }

  /** A Go string: any scalar as written ("" for null); a collection is an error (""). */
  String string(Node node) {
    if (isNull(node)) {
      return "";
    }
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    typeError(node, "string");
    return "";
  }

  /**
   * A string for a custom unmarshaler (cipher, curve, TLS version): like {@link #string} but null
   * when the node is null or not a scalar, so the caller keeps its zero value.
   */
  @Nullable String customString(Node node) {
    if (isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    typeError(node, "string");
    return null;
  }

  /** A Go bool; null is false; anything but a YAML 1.1 boolean is an error ({@code ifError}). */
  boolean bool(Node node, boolean ifError) {
    if (isNull(node)) {
      return false;
    }
    if (node instanceof ScalarNode scalar && scalar.isPlain()) {
      if (TRUES.contains(scalar.getValue())) {
        return true;
      }
      if (FALSES.contains(scalar.getValue())) {
        return false;
      }
    }
    typeError(node, "bool");
    return ifError;
  }

  /** A Go int (64 bits): integers, and floats truncated as yaml.v2 does; null is 0. */
  long integer(Node node) {
    if (isNull(node)) {
      return 0;
    }
    if (node instanceof ScalarNode scalar && scalar.isPlain()) {
      Long value = parseInt(scalar.getValue());
      if (value != null) {
        return value;
      }
      String plain = scalar.getValue().replace("_", "");
      if (YAML_FLOAT.matcher(plain).matches()) {
        double d = Double.parseDouble(plain);
        if (d <= Long.MAX_VALUE && d >= Long.MIN_VALUE) {
          return (long) d;
        }
      }
    }
    typeError(node, "int");
    return 0;
  }

  /** A Go {@code time.Duration}: a duration string such as {@code 1s}, or nanoseconds. */
  Duration duration(Node node) {
    if (isNull(node)) {
      return Duration.ZERO;
    }
    if (node instanceof ScalarNode scalar) {
      if (scalar.isPlain()) {
        Long nanos = parseInt(scalar.getValue());
        if (nanos != null) {
          return Duration.ofNanos(nanos);
        }
      }
      try {
        return GoDuration.parse(scalar.getValue());
      } catch (IllegalArgumentException e) {
        // reported below, as yaml.v2 does
      }
    }
    typeError(node, "time.Duration");
    return Duration.ZERO;
  }

  /** A Go {@code []string}: a sequence of scalars; null is empty (Go: nil). */
  @Nullable List<String> stringList(Node node, String goType) {
    List<Node> items = sequence(node, goType);
    if (items == null) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (Node item : items) {
      values.add(string(item));
    }
    return values;
  }

  /** The items of a sequence; null for a null node, empty after a type error. */
  @Nullable List<Node> sequence(Node node, String goType) {
    if (isNull(node)) {
      return null;
    }
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    typeError(node, goType);
    return List.of();
  }

  /** Records an error of our own about a node, in yaml.v2's {@code line N: ...} form. */
  void error(Node node, String message) {
    errors.add(line(node) + ": " + message);
  }

  /** Whether the node is YAML's null (an empty value, {@code ~}, {@code null}). */
  static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar
        && scalar.isPlain()
        && NULLS.contains(scalar.getValue());
  }

  /** {@code line N} (1-based) of where a node starts. */
  static String line(Node node) {
    return "line " + node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /** yaml.v2's {@code cannot unmarshal <tag>[ `<value>`] into <type>}. */
  private void typeError(Node node, String goType) {
    String tag;
    String value = "";
    if (node instanceof MappingNode) {
      tag = "!!map";
    } else if (node instanceof SequenceNode) {
      tag = "!!seq";
    } else {
      ScalarNode scalar = (ScalarNode) node;
      tag = scalar.isPlain() ? resolvedTag(scalar.getValue()) : "!!str";
      String text = scalar.getValue();
      value = " `" + (text.length() > 10 ? text.substring(0, 7) + "..." : text) + "`";
    }
    errors.add(line(node) + ": cannot unmarshal " + tag + value + " into " + goType);
  }

  /** yaml.v2's resolution of a plain scalar, as the short tag its errors show. */
  private static String resolvedTag(String text) {
    if (NULLS.contains(text)) {
      return "!!null";
    }
    if (TRUES.contains(text) || FALSES.contains(text)) {
      return "!!bool";
    }
    if (SPECIAL_FLOATS.contains(text)) {
      return "!!float";
    }
    if (parseInt(text) != null) {
      return "!!int";
    }
    return YAML_FLOAT.matcher(text.replace("_", "")).matches() ? "!!float" : "!!str";
  }

  /**
   * Go's {@code strconv.ParseInt(s, 0, 64)} after removing underscores, as yaml.v2 resolves
   * integers: decimal, {@code 0x}, {@code 0o}, {@code 0b} and leading-zero octal, with a sign.
   */
  private static @Nullable Long parseInt(String text) {
    String s = text.replace("_", "");
    boolean negative = false;
    if (s.startsWith("+") || s.startsWith("-")) {
      negative = s.startsWith("-");
      s = s.substring(1);
    }
    int base = 10;
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("0x")) {
      base = 16;
      s = s.substring(2);
    } else if (lower.startsWith("0o")) {
      base = 8;
      s = s.substring(2);
    } else if (lower.startsWith("0b")) {
      base = 2;
      s = s.substring(2);
    } else if (s.length() > 1 && s.startsWith("0")) {
      base = 8;
      s = s.substring(1);
    }
    int radix = base;
    if (s.isEmpty() || !s.chars().allMatch(c -> c < 128 && Character.digit(c, radix) >= 0)) {
      return null;
    }
    BigInteger value = new BigInteger(s, radix);
    if (negative) {
      value = value.negate();
    }
    return value.bitLength() < 64 ? value.longValue() : null;
  }
}
