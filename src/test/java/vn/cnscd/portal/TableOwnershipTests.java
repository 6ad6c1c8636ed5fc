package vn.cnscd.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A module owns its tables (issue #13): no SQL of the main code outside {@code reporting} names the tables of
 * village reports, their figures and obstacles, and none outside {@code team} names the tables of teams, their
 * members and the steering committee. Other modules read those facts through the owner's public API.
 *
 * <p>
 * SQL is found where the main code keeps it: in the string literals and text blocks of the Java sources (a
 * literal is SQL when it holds an SQL keyword in capitals, as the house style writes them, or a lower-case
 * {@code select … from}, {@code insert into}, {@code update … set}, {@code delete from}), and in SQL files
 * under {@code src/main/resources}. The Flyway migrations are left out: they are the schema's history, never
 * edited, and their foreign keys and back-fills are facts of the schema, not reads at run time. A table is
 * named when its name stands as a word that is neither a named parameter ({@code :team}) nor a column after a
 * qualifier ({@code t.team_id}); text in single quotes and SQL comments does not count.
 */
class TableOwnershipTests {

	static final Path JAVA = Path.of("src/main/java/vn/cnscd/portal");

	static final Path RESOURCES = Path.of("src/main/resources");

	static final Path MIGRATIONS = RESOURCES.resolve("db/migration");

	/** Which module owns which tables: every table whose name matches, whether made yet or still to come. */
	static final Map<String, Pattern> OWNERS = Map.of(
			"reporting", Pattern.compile("village_report(_\\w+)?|village_figure(_\\w+)?|obstacle(_\\w+)?"),
			"team", Pattern.compile("team(_\\w+)?|steering_member(_\\w+)?"));

	/** Tables the owners have or are about to have, besides those the migrations of this branch make. */
	static final Set<String> NAMED_IN_ISSUE = Set.of("village_report", "village_report_value", "village_figure",
			"obstacle", "obstacle_answer", "team", "team_member");

	private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");

	private static final Pattern SQL_KEYWORD = Pattern.compile(
			"\\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|WHERE|VALUES|RETURNING|TRUNCATE)\\b"
					+ "|(?i:\\bselect\\b[\\s\\S]*\\bfrom\\b|\\binsert\\s+into\\b|\\bupdate\\s+\\w+\\s+set\\b|\\bdelete\\s+from\\b)");

	private static final Pattern QUOTED_OR_COMMENT = Pattern.compile("'(?:[^']|'')*'|--[^\\n]*");

	private static final Pattern WORD = Pattern.compile("(?<![\\w.:$])[a-z_][a-z0-9_]*(?![\\w])");

	@Test
	void noModuleNamesTheTablesOfAnother() throws IOException {
		Map<String, String> owners = tableOwners();
		assertThat(owners).as("tables with an owner").containsKeys("team", "team_member", "village_report", "obstacle");
		List<String> found = new ArrayList<>();
		violations(owners).values().forEach(found::addAll);
		assertThat(found).as("SQL naming the tables of another module").isEmpty();
	}

	@Test
	void sqlIsFoundInLiteralsAndTextBlocksNotInCommentsOrParameterNames() {
		Map<String, String> owners = Map.of("team", "team", "team_member", "team", "obstacle", "reporting");
		String source = """
				/** Joins FROM team t, which a comment may say. */
				class Sample {
					// SELECT * FROM team
					static final String A = "SELECT m.id FROM team_member m";
					static final String B = \"""
							SELECT t.id, t.name AS team_name FROM unit u
							JOIN team t ON t.unit_id = u.id\""";
					static final String C = " WHERE o.id IN (SELECT id FROM obstacle) AND x = 'team'";
					void run() {
						jdbc.sql("UPDATE training_session SET team_id = :team WHERE t.team_id = 1").param("team", 1);
						log("Added the member to team {}");
					}
				}
				""";
		assertThat(namedTables(source, owners)).containsExactly("team_member", "team", "obstacle");
		assertThat(namedTables("select * from team_member where id = ?", owners)).isEmpty();
		assertThat(namedTables("String s = \"select m from team_member m\";", owners)).containsExactly("team_member");
	}

	/** Every table of the owners, by name, with its owner. */
	static Map<String, String> tableOwners() throws IOException {
		Set<String> tables = new TreeSet<>(NAMED_IN_ISSUE);
		try (Stream<Path> migrations = Files.list(MIGRATIONS)) {
			for (Path migration : migrations.filter(path -> path.toString().endsWith(".sql")).toList()) {
				Matcher created = CREATE_TABLE.matcher(Files.readString(migration, StandardCharsets.UTF_8));
				while (created.find()) {
					tables.add(created.group(1).toLowerCase());
				}
			}
		}
		Map<String, String> owners = new TreeMap<>();
		for (String table : tables) {
			OWNERS.forEach((module, names) -> {
				if (names.matcher(table).matches()) {
					owners.put(table, module);
				}
			});
		}
		return owners;
	}

	/** By module, each place where SQL of the module names a table another module owns. */
	static Map<String, List<String>> violations(Map<String, String> owners) throws IOException {
		Map<String, List<String>> violations = new TreeMap<>();
		List<Path> files;
		try (Stream<Path> java = Files.walk(JAVA); Stream<Path> sql = Files.walk(RESOURCES)) {
			files = Stream.concat(java.filter(path -> path.toString().endsWith(".java")),
					sql.filter(path -> path.toString().endsWith(".sql") && !path.startsWith(MIGRATIONS)))
				.sorted()
				.toList();
		}
		for (Path file : files) {
			String module = moduleOf(file);
			String text = Files.readString(file, StandardCharsets.UTF_8);
			List<Literal> sql = file.toString().endsWith(".java") ? sqlLiterals(text) : List.of(new Literal(1, text));
			for (Literal literal : sql) {
				for (String table : namedInSql(literal.text(), owners)) {
					if (!owners.get(table).equals(module)) {
						violations.computeIfAbsent(module, key -> new ArrayList<>())
							.add(file + ":" + literal.line() + ": " + module + " names " + table + ", a table of "
									+ owners.get(table));
					}
				}
			}
		}
		return violations;
	}

	/** The module of a Java source (its top-level package) or of an SQL file (the module folder it sits in). */
	static String moduleOf(Path file) {
		if (file.startsWith(JAVA)) {
			Path relative = JAVA.relativize(file);
			return relative.getNameCount() == 1 ? "(application)" : relative.getName(0).toString();
		}
		Path relative = RESOURCES.relativize(file);
		for (Path part : relative) {
			if (Files.isDirectory(JAVA.resolve(part.toString()))) {
				return part.toString();
			}
		}
		throw new AssertionError(file + " is SQL of no module: put it in the folder of the module that runs it");
	}

	/** The owned tables that the SQL literals of a Java source name, in order, once per mention. */
	static List<String> namedTables(String source, Map<String, String> owners) {
		return sqlLiterals(source).stream().flatMap(literal -> namedInSql(literal.text(), owners).stream()).toList();
	}

	static List<Literal> sqlLiterals(String source) {
		return literals(source).stream().filter(literal -> SQL_KEYWORD.matcher(literal.text()).find()).toList();
	}

	static List<String> namedInSql(String sql, Map<String, String> owners) {
		List<String> named = new ArrayList<>();
		Matcher word = WORD.matcher(QUOTED_OR_COMMENT.matcher(sql).replaceAll("''"));
		while (word.find()) {
			if (owners.containsKey(word.group())) {
				named.add(word.group());
			}
		}
		return named;
	}

	/** The string literals and text blocks of a Java source, comments and character literals skipped. */
	static List<Literal> literals(String source) {
		List<Literal> literals = new ArrayList<>();
		int i = 0;
		while (i < source.length()) {
			if (source.startsWith("//", i)) {
				i = end(source.indexOf('\n', i), source);
			}
			else if (source.startsWith("/*", i)) {
				i = end(source.indexOf("*/", i + 2), source) + 2;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int close = closing(source, i + 3, "\"\"\"");
				literals.add(new Literal(line(source, i), source.substring(i + 3, close)));
				i = close + 3;
			}
			else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
				String quote = String.valueOf(source.charAt(i));
				int close = closing(source, i + 1, quote);
				if (quote.equals("\"")) {
					literals.add(new Literal(line(source, i), source.substring(i + 1, close)));
				}
				i = close + 1;
			}
			else {
				i++;
			}
		}
		return literals;
	}

	/** Where the closing quote is, from {@code from} on, skipping escaped characters. */
	private static int closing(String source, int from, String quote) {
		int i = from;
		while (i < source.length() && !source.startsWith(quote, i)) {
			i += source.charAt(i) == '\\' ? 2 : 1;
		}
		return Math.min(i, source.length());
	}

	private static int end(int index, String source) {
		return index < 0 ? source.length() : index;
	}

	private static int line(String source, int index) {
		return (int) source.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
	}

	/** A string literal or text block and the line it starts on. */
	record Literal(int line, String text) {
	}

}
