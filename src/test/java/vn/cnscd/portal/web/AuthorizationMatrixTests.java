package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.account.AccountService;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.ReorganisationPlan;
import vn.cnscd.portal.area.ReorganisationService;
import vn.cnscd.portal.area.UnitKind;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.SearchText;

/**
 * Who may call what: every request mapping of the portal, for every role and for an object inside and one
 * outside the user's area (issue #7). A mapping without a row here, or a row without a mapping, fails.
 *
 * <p>
 * Inside is always the demo district's own side: Tứ Kỳ (298), Thị trấn Tứ Kỳ (11074), its first village
 * (the demo village head's) and their teams, members, reports and so on. Outside is, for administrators and
 * officers, a second district set up here (the commune of Tứ Kỳ with the highest code moved under
 * it, with its villages and data); for steering members and commune chairs, another commune of Tứ Kỳ that
 * is not in the demo steering member's charge, with its village and data; for village heads the same
 * commune, but the next village of their own commune as the village. District-level objects outside
 * (training sessions, steering members) are the second district's; the neighbour's request is one of Tứ Kỳ
 * sent to the neighbouring commune alone. The province is everyone's root, so it is "outside" of no one.
 *
 * <p>
 * So that a refusal outside cannot come from an object that is broken rather than out of reach, a district
 * officer of the second district, a chair of the neighbouring commune and a head of the sibling village call
 * the same addresses on their own side and must get what the demo users get on theirs.
 *
 * <p>
 * A POST carries a CSRF token and {@code version}, {@code reason} and {@code text}, so that a refusal is the
 * area check's and not a missing parameter's. Each role's requests are undone before the next role's, so
 * that a denied request that changed data would show only as a wrong outcome: the matrix expects 403 or 404.
 */
@IntegrationTest
@Transactional
class AuthorizationMatrixTests {

	enum Outcome {

		/** Anything but a refusal: a page, a download, a redirect elsewhere, a form with errors, a 400 or 409. */
		ALLOWED,
		/** 403 or 404. */
		DENIED,
		/** A redirect to the sign-in page. */
		SIGN_IN,
		/** A server error: never expected. */
		ERROR

	}

	enum Who {

		ANONYMOUS(null, '-'), ADMIN("admin", 'A'), OFFICER("district", 'D'), STEERING_MEMBER("steering", 'S'),
		COMMUNE_CHAIR("commune", 'C'), VILLAGE_HEAD("village", 'V');

		final String username;

		final char letter;

		Who(String username, char letter) {
			this.username = username;
			this.letter = letter;
		}

		/** The names of the units outside this role's area, as {@link Sites#markOutside()} makes them. */
		List<String> outsideMarkers() {
			return switch (this) {
				case ANONYMOUS, ADMIN -> List.of();
				case OFFICER -> List.of(Sites.FAR);
				case STEERING_MEMBER, COMMUNE_CHAIR -> List.of(Sites.FAR, Sites.NEIGHBOUR);
				case VILLAGE_HEAD -> List.of(Sites.FAR, Sites.NEIGHBOUR, Sites.SIBLING);
			};
		}

		/** Whose outside object is in another district (else another commune of the same district). */
		boolean outsideIsAnotherDistrict() {
			return this == ADMIN || this == OFFICER;
		}

	}

	// @formatter:off
	/**
	 * The matrix. Letters name the roles allowed: A admin, D officer, S steering member, C commune
	 * chair, V village head; every other signed-in role is DENIED and an anonymous caller is sent to sign in.
	 * {@code in} and {@code out} are for a row with an object of an area in its path; {@code any} for a row
 * without (or whose object, an indicator, belongs to no area).
	 * {@code at(fragment, in, out)} overrides both for the expansions of a pattern (levels, formats) whose
	 * address contains the fragment.
	 */
	static final List<Row> MATRIX = List.of(
		get("/").any("ADSCV"),
		get("/login").open(),
		// the service worker and the web app manifest, which a browser fetches before anyone signs in
		get("/sw.js").open(),
		get("/manifest.webmanifest").open(),
		get("/account/password").any("ADSCV"),
		post("/account/password").any("ADSCV"),

		// accounts
		get("/accounts").any("ADC"),
		get("/accounts/new").any("ADC"),
		post("/accounts/new").any("ADC"),
		post("/accounts/{id}/disable").in("ADC").out("A"),
		post("/accounts/{id}/enable").in("ADC").out("A"),
		post("/accounts/{id}/reset-password").in("ADC").out("A"),

		// units
		get("/units").any("ADSCV"),
		get("/units/search").any("ADSCV"),
		// a user sees their home unit and what is under it: a village head not their commune
		get("/{levels:provinces|districts|communes|villages}/{id}").in("ADSCV").out("A")
			.at("/provinces/", "A", "A")
			.at("/districts/", "ADS", "A")
			.at("/communes/", "ADSC", "A"),
		get("/{levels:districts|communes}/{id}/new").in("D").out("")
			.at("/communes/{commune}/new", "DC", ""),
		post("/{levels:districts|communes}/{id}/new").in("D").out("")
			.at("/communes/{commune}/new", "DC", ""),
		// a commune chair manages the villages of their commune; the officer the communes
		get("/{levels:communes|villages}/{id}/edit").in("D").out("")
			.at("/villages/{village}/edit", "DC", ""),
		post("/{levels:communes|villages}/{id}/edit").in("D").out("")
			.at("/villages/{village}/edit", "DC", ""),
		get("/{levels:communes|villages}/{id}/close").in("D").out("")
			.at("/villages/{village}/close", "DC", ""),
		post("/{levels:communes|villages}/{id}/close").in("D").out("")
			.at("/villages/{village}/close", "DC", ""),

		// reorganisations: the committee's officers of their area, and administrators
		get("/reorganisations").any("AD"),
		get("/reorganisations/new").any("AD"),
		post("/reorganisations/new").any("AD"),
		get("/reorganisations/import").any("AD"),
		post("/reorganisations/import").any("AD"),
		post("/reorganisations/import/draft").any("AD"),
		get("/reorganisations/{id}").in("AD").out("A"),
		post("/reorganisations/{id}/basis").in("AD").out("A"),
		post("/reorganisations/{id}/merge").in("AD").out("A"),
		post("/reorganisations/{id}/village-merge").in("AD").out("A"),
		post("/reorganisations/{id}/transfer").in("AD").out("A"),
		post("/reorganisations/{id}/steps/{index}/villages").in("AD").out("A"),
		post("/reorganisations/{id}/rename").in("AD").out("A"),
		post("/reorganisations/{id}/move").in("AD").out("A"),
		post("/reorganisations/{id}/abolish").in("AD").out("A"),
		post("/reorganisations/{id}/steps/{index}/remove").in("AD").out("A"),
		post("/reorganisations/{id}/record").in("AD").out("A"),
		post("/reorganisations/{id}/cancel").in("AD").out("A"),

		// teams and rosters
		get("/teams").any("ADSCV"),
		get("/teams/search").any("ADSCV"),
		// a committee's pages are its province's or its district's; the demo committee is the district's
		get("/{levels:provinces|districts}/{id}/teams").in("ADS").out("A").at("/provinces/", "A", "A"),
		get("/communes/{id}/teams").in("ADSC").out("A"),
		get("/villages/{id}/teams").in("ADSCV").out("A"),
		get("/teams/{id}").in("ADSCV").out("A").forCommuneTeam("ADSC", "A"),
		get("/teams/{id}/history").in("AD").out("A").forCommuneTeam("AD", "A"),
		// rosters are the commune chair's
		get("/{levels:communes|villages}/{id}/teams/new").in("C").out(""),
		post("/{levels:communes|villages}/{id}/teams/new").in("C").out(""),
		get("/teams/{id}/edit").in("C").out("").forCommuneTeam("C", ""),
		post("/teams/{id}/edit").in("C").out("").forCommuneTeam("C", ""),
		get("/teams/{id}/dissolve").in("C").out("").forCommuneTeam("C", ""),
		post("/teams/{id}/dissolve").in("C").out("").forCommuneTeam("C", ""),
		get("/teams/{id}/members/new").in("C").out("").forCommuneTeam("C", ""),
		post("/teams/{id}/members/new").in("C").out("").forCommuneTeam("C", ""),
		get("/members/{id}/edit").in("C").out("").forCommuneMember("C", ""),
		post("/members/{id}/edit").in("C").out("").forCommuneMember("C", ""),
		get("/members/{id}/remove").in("C").out("").forCommuneMember("C", ""),
		post("/members/{id}/remove").in("C").out("").forCommuneMember("C", ""),
		get("/communes/{id}/roster.xlsx").in("ADSC").out("A"),
		get("/{levels:provinces|districts}/{id}/roster.xlsx").in("ADS").out("A").at("/provinces/", "A", "A"),
		get("/communes/{id}/roster-import").in("C").out(""),
		post("/communes/{id}/roster-import").in("C").out(""),
		// the chair's own kept file is named in the form; without one the chair gets a 400, anyone else a refusal
		post("/communes/{id}/roster-import/mapping").in("C").out(""),
		get("/communes/{id}/roster-import/template.xlsx").in("ADSC").out("A"),
		get("/roster-import/template.xlsx").any("ADSCV"),
		get("/roster-import/template.csv").any("ADSCV"),

		// steering committee
		get("/steering").any("AD"),
		get("/steering/mine").any("S"),
		get("/steering/new").any("D"),
		post("/steering/new").any("D"),
		get("/steering/{id}/edit").in("D").out(""),
		post("/steering/{id}/edit").in("D").out(""),
		get("/steering/{id}/leave").in("D").out(""),
		post("/steering/{id}/leave").in("D").out(""),

		// indicators and targets
		get("/indicators").any("ADSCV"),
		get("/indicators/new").any("AD"),
		post("/indicators/new").any("AD"),
		get("/indicators/{id}/edit").any("AD"),
		post("/indicators/{id}/edit").any("AD"),
		post("/indicators/{id}/deactivate").any("AD"),
		post("/indicators/{id}/activate").any("AD"),
		get("/{levels:provinces|districts}/{id}/targets").in("ADS").out("A").at("/provinces/", "A", "A"),
		post("/{levels:provinces|districts}/{id}/targets").in("D").out("").at("/provinces/", "", ""),
		get("/communes/{id}/targets").in("ADSC").out("A"),
		post("/communes/{id}/targets").in("C").out(""),
		get("/villages/{id}/targets").in("ADSCV").out("A"),

		// village, commune and district reports
		get("/villages/{id}/reports").in("ADSCV").out("A"),
		get("/villages/{id}/reports/{period}").in("ADSCV").out("A"),
		post("/villages/{id}/reports/{period}").in("V").out(""),
		post("/villages/{id}/reports/{period}/approve").object("period", "submitted").in("C").out(""),
		post("/villages/{id}/reports/{period}/return").object("period", "submitted").in("C").out(""),
		post("/villages/{id}/reports/{period}/unlock").object("period", "approved").in("D").out(""),
		get("/communes/{id}/reports").in("ADSC").out("A"),
		get("/communes/{id}/reports/{period}").in("ADSC").out("A"),
		post("/communes/{id}/reports/{period}").in("C").out(""),
		post("/communes/{id}/reports/{period}/acknowledge").object("period", "submitted").in("D").out(""),
		post("/communes/{id}/reports/{period}/return").object("period", "submitted").in("D").out(""),
		get("/reports").any("ADSCV"),
		get("/{levels:provinces|districts}/{id}/reports/{period}").in("ADS").out("A").at("/provinces/", "A", "A"),

		// obstacles
		get("/obstacles").any("ADSCV"),
		get("/obstacles/{id}").in("ADSCV").out("A"),
		post("/obstacles/{id}/answers").in("DSC").out(""),
		post("/obstacles/{id}/resolve").in("DSCV").out(""),

		// ad hoc requests
		get("/requests").any("ADSCV"),
		get("/requests/new").any("D"),
		post("/requests/new").any("D"),
		// the district side reads every request of the district: a steering member too, with only their communes'
		// addressees; outside, a steering member's is one sent to a commune not in their charge
		get("/requests/{id}").in("ADSC").out("AS"),
		post("/requests/{id}/answer").param("answers", "Thử").in("C").out(""),
		post("/requests/{id}/close").in("D").out(""),
		get("/requests/{id}/answers/{unitId}").object("id", "answerRequest").in("ADSC").out("A"),

		// training, plans, commendations
		get("/training").any("ADSCV"),
		get("/training/sessions/new").any("D"),
		post("/training/sessions/new").any("D"),
		get("/training/sessions/{id}").in("D").out(""),
		get("/training/sessions/{id}/edit").in("D").out(""),
		post("/training/sessions/{id}/edit").in("D").out(""),
		post("/training/sessions/{id}/attendees").in("D").out(""),
		post("/training/sessions/{id}/teams").param("team", "{team}").in("D").out(""),
		post("/training/sessions/{id}/attendees/{member}/remove").in("D").out(""),
		get("/members/{id}/training").in("ADSCV").out("A").forCommuneMember("ADSC", "A"),
		get("/communes/{id}/training").in("ADSC").out("A"),
		get("/{levels:provinces|districts}/{id}/training").in("ADS").out("A").at("/provinces/", "A", "A"),
		get("/teams/{id}/plans/{year}").in("ADSCV").out("A").forCommuneTeam("ADSC", "A"),
		get("/teams/{id}/plans/{year}/edit").in("C").out("").forCommuneTeam("C", ""),
		post("/teams/{id}/plans/{year}/edit").in("C").out("").forCommuneTeam("C", ""),
		post("/teams/{id}/plans/{year}/file").in("C").out("").forCommuneTeam("C", ""),
		get("/teams/{id}/plans/{year}/file").in("ADSCV").out("A").forCommuneTeam("ADSC", "A"),
		get("/communes/{id}/plans").in("ADSC").out("A"),
		get("/{levels:provinces|districts}/{id}/plans").in("ADS").out("A").at("/provinces/", "A", "A"),
		get("/commendations").any("ADSCV"),
		get("/commendations.xlsx").any("ADSCV"),
		get("/commendations/new").any("DC"),
		post("/commendations/new").any("DC"),
		get("/commendations/{id}/decide").in("D").out(""),
		post("/commendations/{id}/decide").in("D").out(""),

		// notifications are their recipient's alone: the fixture's notification and browser belong to an account
		// of their own, so every role is refused them (EventNotificationTests: the recipient opens theirs)
		get("/notifications").any("ADSCV"),
		get("/notifications/{id}").in("").out(""),
		post("/notifications/read").any("ADSCV"),
		get("/account/notifications").any("ADSCV"),
		post("/account/notifications").any("ADSCV"),
		// Web Push is off where the deployment has no VAPID keys, as here (DeliveryChannelTests: with them)
		post("/account/push-subscriptions").any(""),
		post("/account/push-subscriptions/{id}/delete").in("").out(""),
		// "Nhắc lại ngay" on the chase list: officers of the area and the commune's chair
		post("/{levels:villages|communes|districts|provinces}/{id}/reminders").param("month", "{period}").in("DC").out("")
			.at("/districts/", "D", "")
			.at("/provinces/", "", ""),

		// dashboards and summaries
		// sends the others home
		get("/dashboard").any("ADSCV"),
		get("/provinces/{id}/dashboard").in("A").out("A"),
		get("/districts/{id}/dashboard").in("ADS").out("A"),
		get("/communes/{id}/dashboard").in("ADSC").out("A"),
		get("/provinces/{id}/dashboard/trends").in("A").out("A"),
		get("/districts/{id}/dashboard/trends").in("ADS").out("A"),
		get("/communes/{id}/dashboard/trends").in("ADSC").out("A"),
		get("/provinces/{id}/dashboard/text").in("A").out("A"),
		get("/districts/{id}/dashboard/text").in("ADS").out("A"),
		get("/communes/{id}/dashboard/text").in("ADSC").out("A"),
		get("/{levels:provinces|districts|communes}/{id}/summary.{format:docx|pdf|xlsx|csv}").in("ADS").out("A")
			.at("/communes/", "ADSC", "A")
			.at("/provinces/", "A", "A"),
		// the officer of the unit: an officer their committee's, a commune chair their commune's
		get("/{levels:provinces|districts|communes}/{id}/report-settings").in("D").out("")
			.at("/communes/", "C", "")
			.at("/provinces/", "", ""),
		post("/{levels:provinces|districts|communes}/{id}/report-settings").in("D").out("")
			.at("/communes/", "C", "")
			.at("/provinces/", "", "")
	);
	// @formatter:on

	/** Lists and forms that take an object in a parameter, called with an object outside the area. */
	private static final List<Case> OUTSIDE_PARAMETERS = List.of(
			new Case(get("/obstacles").any("ADSCV"), "/obstacles?unit={commune}"),
			new Case(get("/obstacles").any("ADSCV"), "/obstacles?unit={village}"),
			new Case(get("/units/search").any("ADSCV"), "/units/search?q={search}"),
			new Case(get("/teams/search").any("ADSCV"), "/teams/search?q={search}"),
			new Case(get("/commendations/new").any("DC"), "/commendations/new?team={team}"),
			new Case(get("/commendations/new").any("DC"), "/commendations/new?member={member}"),
			new Case(get("/commendations").any("ADSCV"), "/commendations?commune={commune}"),
			new Case(get("/training/sessions/{id}").in("D").out(""), "/training/sessions/{homeSession}?q={search}"));

	/** What each path variable of a pattern names, by the segment before it. */
	private static final Map<String, String> OBJECT_OF_SEGMENT = Map.ofEntries(Map.entry("provinces", "province"),
			Map.entry("districts", "district"), Map.entry("communes", "commune"), Map.entry("villages", "village"),
			Map.entry("teams", "team"), Map.entry("members", "member"), Map.entry("obstacles", "obstacle"),
			Map.entry("requests", "request"), Map.entry("sessions", "session"),
			Map.entry("commendations", "commendation"), Map.entry("steering", "steeringMember"),
			Map.entry("accounts", "account"), Map.entry("indicators", "indicator"),
			Map.entry("reorganisations", "reorganisation"),
			Map.entry("notifications", "notification"), Map.entry("push-subscriptions", "pushSubscription"));

	/** Path variables named for what they are, whatever segment precedes them. */
	private static final Map<String, String> OBJECT_OF_VARIABLE = Map.of("period", "period", "year", "year", "member",
			"attendee", "unitId", "answerUnit", "index", "step");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	EntityManager entityManager;

	@Autowired
	DataSource dataSource;

	@Autowired
	AccountService accounts;

	@Autowired
	ReorganisationService reorganisations;

	@Autowired
	Clock clock;

	@Test
	void everyMappingOfThePortalHasARowAndEveryRowAMapping() {
		Set<String> mapped = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (isPortalOwn(handler)) {
				mapped.addAll(keys(info));
			}
		});
		Set<String> rows = MATRIX.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
		assertThat(rows).as("rows named twice").hasSameSizeAs(MATRIX);
		Set<String> missing = new TreeSet<>(mapped);
		missing.removeAll(rows);
		Set<String> stale = new TreeSet<>(rows);
		stale.removeAll(mapped);
		assertThat(missing).as("mappings without a row in the matrix").isEmpty();
		assertThat(stale).as("rows of the matrix without a mapping").isEmpty();
	}

	/**
	 * Every case for every role in turn, each role in a savepoint rolled back afterwards, so that what one
	 * role was allowed to change is not what the next one meets. One test, so that the objects are made once.
	 */
	@Test
	void everyRoleGetsWhatTheMatrixSaysInsideAndOutsideTheirArea() {
		Sites sites = new Sites(jdbc);
		Connection connection = DataSourceUtils.getConnection(dataSource);
		List<String> wrong = new ArrayList<>();
		MATRIX.stream().flatMap(row -> row.cases().stream()).forEach(c -> {
			for (Who who : Who.values()) {
				Savepoint before = savepoint(connection);
				Answer inside = call(c, who.username, sites.inside());
				if (inside.outcome() != c.expectedInside(who)) {
					wrong.add(c + " as " + who + ", inside: " + inside + " instead of " + c.expectedInside(who));
				}
				if (c.hasObject() && who != Who.ANONYMOUS) {
					Answer outside = call(c, who.username, sites.outside(who));
					if (outside.outcome() != c.expectedOutside(who)) {
						wrong.add(c + " as " + who + ", outside: " + outside + " instead of " + c.expectedOutside(who));
					}
					String mirror = sites.mirrors.get(who);
					Answer mirrored = mirror == null ? null : call(c, mirror, sites.outside(who));
					if (mirrored != null && mirrored.outcome() != c.expectedInside(who)) {
						wrong.add(c + " as the " + who + " of the outside: " + mirrored + " instead of "
								+ c.expectedInside(who));
					}
				}
				rollback(connection, before);
				entityManager.clear();
			}
		});
		assertThat(wrong).as("outcomes other than the matrix says").isEmpty();
	}

	/**
	 * What the matrix allows is also checked for what it shows: every page a role may open with an object
	 * of their own area, and lists and searches that take an outside unit, team or member as a parameter,
	 * show no name of the units outside the area, nor of their teams, members, obstacles, accounts.
	 */
	@Test
	void pagesAllowedInsideShowNothingOfTheAreasOutside() {
		Sites sites = new Sites(jdbc);
		sites.markOutside();
		List<String> leaks = new ArrayList<>();
		for (Who who : Who.values()) {
			if (who.outsideMarkers().isEmpty()) {
				continue;
			}
			MATRIX.stream()
				.filter(row -> row.method == HttpMethod.GET)
				.flatMap(row -> row.cases().stream())
				.filter(c -> c.expectedInside(who) == Outcome.ALLOWED)
				.map(c -> c.address(sites.inside()))
				.forEach(address -> leaks.addAll(leaks(address, who)));
			OUTSIDE_PARAMETERS.stream()
				.filter(c -> c.expectedInside(who) == Outcome.ALLOWED)
				.map(c -> c.address(sites.outside(who)))
				.forEach(address -> leaks.addAll(leaks(address, who)));
		}
		assertThat(leaks).as("pages that show what is outside the user's area").isEmpty();
	}

	/** A row across a reorganisation: an account, an address, what it gets before the change and after. */
	record Across(String username, String address, Outcome before, Outcome after) {
	}

	// @formatter:off
	/**
	 * Who reads what across a reorganisation (issue #14): on the 1st of the month four months back, Thị trấn
	 * Tứ Kỳ (A, the demo chair's home) and Xã Bình Lăng (B) merge into a new commune N; the demo chair is
	 * re-homed to N, as the preview proposes, and B's chair disabled, as the officer decides. {@code {x}} name
	 * units and months: {@code aVillage}, {@code bVillage} (a village of each, with a report of {@code before},
	 * two months before the change), {@code c} another commune of the district, {@code after} the month of the
	 * change. The rule is {@code UnitService.scopePaths}: an account reads the lineage of its home now.
	 */
	static final List<Across> ACROSS = List.of(
		// the chair of N reads the past of B's villages, now hers, and of her old commune
		new Across("commune", "/villages/{bVillage}/reports/{before}", Outcome.DENIED, Outcome.ALLOWED),
		new Across("commune", "/communes/{b}/dashboard?month={before}", Outcome.DENIED, Outcome.ALLOWED),
		new Across("commune", "/villages/{aVillage}/reports/{before}", Outcome.ALLOWED, Outcome.ALLOWED),
		new Across("commune", "/communes/{a}/dashboard?month={before}", Outcome.ALLOWED, Outcome.ALLOWED),
		new Across("commune", "/communes/{n}/dashboard?month={after}", null, Outcome.ALLOWED),
		new Across("commune", "/communes/{c}/dashboard?month={before}", Outcome.DENIED, Outcome.DENIED),
		// B's chair, disabled by the change, reads nothing more of B
		new Across("chairb", "/villages/{bVillage}/reports/{before}", Outcome.ALLOWED, Outcome.SIGN_IN),
		new Across("chairb", "/communes/{b}/dashboard?month={before}", Outcome.ALLOWED, Outcome.SIGN_IN),
		// the chair of a commune outside the merger reads neither side, before or after
		new Across("chairc", "/villages/{bVillage}/reports/{before}", Outcome.DENIED, Outcome.DENIED),
		new Across("chairc", "/communes/{n}/dashboard?month={after}", null, Outcome.DENIED),
		// the steering member in charge of A is in charge of N, and of B's past with it
		new Across("steering", "/villages/{bVillage}/reports/{before}", Outcome.DENIED, Outcome.ALLOWED),
		new Across("steering", "/communes/{n}/dashboard?month={after}", null, Outcome.ALLOWED),
		// the head of A's village keeps their village, whose commune changed, and nothing more
		new Across("village", "/villages/{aVillage}/reports/{before}", Outcome.ALLOWED, Outcome.ALLOWED),
		new Across("village", "/villages/{bVillage}/reports/{before}", Outcome.DENIED, Outcome.DENIED),
		// the district's officer reads both sides throughout
		new Across("district", "/villages/{bVillage}/reports/{before}", Outcome.ALLOWED, Outcome.ALLOWED),
		new Across("district", "/communes/{n}/dashboard?month={after}", null, Outcome.ALLOWED));
	// @formatter:on

	@Test
	void acrossAReorganisationEachAccountReadsTheLineageOfItsHomeNow() {
		YearMonth changeMonth = YearMonth.now(clock).minusMonths(4);
		LocalDate change = changeMonth.atDay(1);
		Map<String, String> at = new HashMap<>();
		long a = id("SELECT id FROM unit WHERE level = 'COMMUNE' AND code = '11074' AND valid_to IS NULL");
		long b = id("SELECT id FROM unit WHERE level = 'COMMUNE' AND code = '11092' AND valid_to IS NULL");
		long c = id("SELECT id FROM unit WHERE level = 'COMMUNE' AND code = '11098' AND valid_to IS NULL");
		long district = id("SELECT parent_id FROM unit WHERE id = " + a);
		String before = changeMonth.minusMonths(2).toString();
		at.put("a", String.valueOf(a));
		at.put("b", String.valueOf(b));
		at.put("c", String.valueOf(c));
		at.put("before", before);
		at.put("after", changeMonth.toString());
		at.put("aVillage", String.valueOf(id("SELECT id FROM unit WHERE code = '11074-01'")));
		at.put("bVillage", String.valueOf(id("""
				SELECT u.id FROM unit u JOIN village_report r ON r.village_id = u.id AND r.period = DATE '%s-01'
				WHERE u.parent_id = %d ORDER BY u.code LIMIT 1""".formatted(before, b))));
		for (String[] chair : List.of(new String[] { "chairb", String.valueOf(b) }, new String[] { "chairc", String.valueOf(c) })) {
			jdbc.sql("""
					INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
					VALUES (:username, 'x', 'Chủ tịch thử', 'COMMUNE_CHAIR', :home, false)""")
				.param("username", chair[0])
				.param("home", Long.parseLong(chair[1]))
				.update();
		}
		List<String> wrong = new ArrayList<>();
		check(ACROSS, at, true, wrong);

		Actor admin = accounts.actor(id("SELECT id FROM app_user WHERE username = 'admin'")).orElseThrow();
		ReorganisationPlan plan = ReorganisationPlan.empty()
			.opening(new ReorganisationPlan.NewUnit(-1, district, UnitKind.XA, "99074", "Tứ Kỳ Mới"))
			.with(ReorganisationPlan.Step.merge(List.of(a, b), -1));
		long reorganisation = reorganisations.start(admin,
				new ReorganisationService.Basis("1/NQ-THU", change.minusDays(20), "Ủy ban Thường vụ Quốc hội", change), plan);
		long chairB = id("SELECT id FROM app_user WHERE username = 'chairb'");
		assertThat(reorganisations.record(admin, reorganisation, Map.of(chairB, 0L), 0))
			.isEqualTo(ReorganisationService.Status.IN_FORCE);
		entityManager.flush();
		entityManager.clear();
		at.put("n", String.valueOf(id("SELECT id FROM unit WHERE level = 'COMMUNE' AND code = '99074'")));
		check(ACROSS, at, false, wrong);
		assertThat(wrong).as("outcomes across the reorganisation other than the rows say").isEmpty();
	}

	private void check(List<Across> rows, Map<String, String> at, boolean before, List<String> wrong) {
		for (Across row : rows) {
			Outcome expected = before ? row.before() : row.after();
			if (expected == null) {
				continue;
			}
			String address = row.address();
			for (Map.Entry<String, String> value : at.entrySet()) {
				address = address.replace("{" + value.getKey() + "}", value.getValue());
			}
			Answer got;
			try {
				got = outcome(mvc.perform(MockMvcRequestBuilders.get(address)
					.with(user(users.loadUserByUsername(row.username())))).andReturn().getResponse(), address);
			}
			catch (Exception failure) {
				got = new Answer(Outcome.ERROR, address + ": " + failure);
			}
			if (got.outcome() != expected) {
				wrong.add(row.username() + " " + (before ? "before" : "after") + ": " + got + " instead of " + expected);
			}
		}
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private List<String> leaks(String address, Who who) {
		String body = body(address, who);
		return who.outsideMarkers()
			.stream()
			.filter(body::contains)
			.map(marker -> address + " as " + who + " shows \"" + marker + "\"")
			.toList();
	}

	/** The text of a page or a CSV, or nothing for a refusal, a redirect or a binary download. */
	private String body(String address, Who who) {
		try {
			MockHttpServletResponse response = mvc
				.perform(MockMvcRequestBuilders.get(address).with(user(users.loadUserByUsername(who.username))))
				.andReturn()
				.getResponse();
			String type = String.valueOf(response.getContentType());
			return response.getStatus() == 200 && (type.startsWith("text/") || type.contains("csv"))
					? response.getContentAsString(StandardCharsets.UTF_8) : "";
		}
		catch (Exception failure) {
			throw new IllegalStateException(address + " as " + who, failure);
		}
	}

	private static Savepoint savepoint(Connection connection) {
		try {
			return connection.setSavepoint();
		}
		catch (SQLException failure) {
			throw new IllegalStateException(failure);
		}
	}

	private static void rollback(Connection connection, Savepoint savepoint) {
		try {
			connection.rollback(savepoint);
		}
		catch (SQLException failure) {
			throw new IllegalStateException(failure);
		}
	}

	/** What a request got, with what it was in HTTP terms for the message of a failure. */
	record Answer(Outcome outcome, String detail) {

		@Override
		public String toString() {
			return outcome + " (" + detail + ")";
		}

	}

	private Answer call(Case c, String username, Map<String, Object> site) {
		String uri = c.address(site);
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(c.method(), uri);
		if (c.method() == HttpMethod.POST) {
			request.with(csrf());
			c.row().params.forEach((name, value) -> request.param(name, Case.fill(value, site)));
		}
		if (username != null) {
			request.with(user(users.loadUserByUsername(username)));
		}
		MockHttpServletResponse response;
		try {
			response = mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception failure) {
			return new Answer(Outcome.ERROR, uri + ": " + failure);
		}
		return outcome(response, uri);
	}

	private static Answer outcome(MockHttpServletResponse response, String uri) {
		int status = response.getStatus();
		String redirect = response.getRedirectedUrl();
		String detail = uri + ": " + status + (redirect == null ? "" : " to " + redirect);
		if (status == 403 || status == 404) {
			return new Answer(Outcome.DENIED, detail);
		}
		if (redirect != null && redirect.matches("(https?://[^/]+)?/login(\\?.*)?")) {
			return new Answer(Outcome.SIGN_IN, detail);
		}
		if (status == 401 || status >= 500) {
			return new Answer(Outcome.ERROR, detail);
		}
		return new Answer(Outcome.ALLOWED, detail);
	}

	/** The portal's own controllers: not the framework's, nor those only the tests add. */
	private static boolean isPortalOwn(HandlerMethod handler) {
		Class<?> type = handler.getBeanType();
		return type.getPackageName().startsWith("vn.cnscd.portal")
				&& !type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
	}

	/** A mapping without methods answers every method, so each of them needs its row. */
	private static List<String> keys(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		List<String> keys = new ArrayList<>();
		for (RequestMethod method : methods.isEmpty() ? EnumSet.allOf(RequestMethod.class) : methods) {
			info.getPatternValues().forEach(pattern -> keys.add(method.name() + " " + pattern));
		}
		return keys;
	}

	// --- the table's language

	static Row get(String pattern) {
		return new Row(HttpMethod.GET, pattern);
	}

	static Row post(String pattern) {
		return new Row(HttpMethod.POST, pattern);
	}

	static final class Row {

		private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]+))?}");

		final HttpMethod method;

		final String pattern;

		String in;

		String out;

		boolean open;

		final Map<String, String[]> overrides = new LinkedHashMap<>();

		final Map<String, String> objects = new HashMap<>();

		final Map<String, List<String>> variants = new HashMap<>();

		final Map<String, String> params = new LinkedHashMap<>(Map.of("version", "0", "reason", "Thử", "text", "Thử"));

		Row(HttpMethod method, String pattern) {
			this.method = method;
			this.pattern = pattern;
		}

		String key() {
			return method.name() + " " + pattern;
		}

		Row any(String roles) {
			this.in = roles;
			return this;
		}

		Row in(String roles) {
			this.in = roles;
			return this;
		}

		Row out(String roles) {
			this.out = roles;
			return this;
		}

		Row open() {
			this.open = true;
			this.in = "ADSCV";
			return this;
		}

		Row at(String fragment, String in, String out) {
			overrides.put(fragment, new String[] { in, out });
			return this;
		}

		Row param(String name, String value) {
			params.put(name, value);
			return this;
		}

		/** Which fixture a path variable names, where the segment before it does not say. */
		Row object(String variable, String fixture) {
			objects.put(variable, fixture);
			return this;
		}

		/** The rows of a team are also called with the commune's team, whose area is the commune's. */
		Row forCommuneTeam(String in, String out) {
			return variant("id", "communeTeam", in, out);
		}

		Row forCommuneMember(String in, String out) {
			return variant("id", "communeMember", in, out);
		}

		/** A second case of the row, with the variable naming another fixture, and its own expectations. */
		private Row variant(String variable, String fixture, String in, String out) {
			variants.computeIfAbsent(variable, v -> new ArrayList<>()).add(fixture);
			return at("{" + fixture + "}", in, out);
		}

		/** One case per alternative of each regular-expression variable; other variables become fixtures. */
		List<Case> cases() {
			List<String> addresses = List.of("");
			int end = 0;
			Matcher matcher = VARIABLE.matcher(pattern);
			while (matcher.find()) {
				String literal = pattern.substring(end, matcher.start());
				List<String> next = new ArrayList<>();
				for (String address : addresses) {
					String before = address + literal;
					if (matcher.group(2) != null) {
						for (String alternative : matcher.group(2).split("\\|")) {
							next.add(before + alternative);
						}
					}
					else {
						next.add(before + "{" + fixtureOf(matcher.group(1), before) + "}");
						for (String fixture : variants.getOrDefault(matcher.group(1), List.of())) {
							next.add(before + "{" + fixture + "}");
						}
					}
				}
				addresses = next;
				end = matcher.end();
			}
			String tail = pattern.substring(end);
			return addresses.stream().map(address -> new Case(this, address + tail)).toList();
		}

		private String fixtureOf(String variable, String before) {
			String[] segments = before.split("/");
			String segment = segments.length == 0 ? "" : segments[segments.length - 1];
			String fixture = objects.getOrDefault(variable,
					OBJECT_OF_VARIABLE.getOrDefault(variable, OBJECT_OF_SEGMENT.get(segment)));
			if (fixture == null) {
				throw new IllegalStateException("No fixture for {" + variable + "} of " + pattern);
			}
			return fixture;
		}

	}

	record Case(Row row, String template) {

		HttpMethod method() {
			return row.method;
		}

		boolean hasObject() {
			return template.contains("{") && row.out != null;
		}

		Outcome expectedInside(Who who) {
			return expected(who, 0, row.in);
		}

		Outcome expectedOutside(Who who) {
			return expected(who, 1, row.out);
		}

		private Outcome expected(Who who, int side, String allowed) {
			if (who == Who.ANONYMOUS) {
				return row.open ? Outcome.ALLOWED : Outcome.SIGN_IN;
			}
			String roles = allowed;
			for (var override : row.overrides.entrySet()) {
				if (template.contains(override.getKey())) {
					roles = override.getValue()[side];
				}
			}
			return roles.indexOf(who.letter) >= 0 ? Outcome.ALLOWED : Outcome.DENIED;
		}

		String address(Map<String, Object> site) {
			return fill(template, site);
		}

		static String fill(String text, Map<String, Object> site) {
			Matcher matcher = Pattern.compile("\\{(\\w+)}").matcher(text);
			StringBuilder filled = new StringBuilder();
			while (matcher.find()) {
				Object value = site.get(matcher.group(1));
				if (value == null) {
					throw new IllegalStateException("No fixture " + matcher.group(1) + " for " + text);
				}
				matcher.appendReplacement(filled, Matcher.quoteReplacement(value.toString()));
			}
			matcher.appendTail(filled);
			return filled.toString();
		}

		@Override
		public String toString() {
			return row.method.name() + " " + template;
		}

	}

	// --- the objects inside and outside

	/**
	 * The objects of the three sites, made inside the test's transaction: home (the demo users' own), a
	 * neighbouring commune of the same district, and a far district.
	 */
	static final class Sites {

		static final String FAR = "Xa Xôi";

		static final String NEIGHBOUR = "Ngoài Vùng";

		static final String SIBLING = "Bên Cạnh";

		private final JdbcClient jdbc;

		final Map<String, Object> home = new HashMap<>();

		final Map<String, Object> neighbour = new HashMap<>();

		final Map<String, Object> far = new HashMap<>();

		/** The neighbour, but with the demo village head's sibling village as the village. */
		final Map<String, Object> sibling = new HashMap<>();

		/**
		 * For a role, a user of the same role whose area is that role's outside: what they get there must be
		 * what the role gets inside, which shows the outside objects real and a refusal the area's.
		 */
		final Map<Who, String> mirrors = new EnumMap<>(Who.class);

		Sites(JdbcClient jdbc) {
			this.jdbc = jdbc;
			long province = id("SELECT id FROM unit WHERE parent_id IS NULL");
			long district = id("SELECT id FROM unit WHERE level = 'DISTRICT' AND code = '298'");
			long township = id("SELECT id FROM unit WHERE level = 'COMMUNE' AND code = '11074'");
			long village = id("SELECT home_unit_id FROM app_user WHERE username = 'village'");
			List<Long> last = jdbc.sql("""
					SELECT id FROM unit WHERE parent_id = :district AND valid_to IS NULL ORDER BY code DESC LIMIT 2""")
				.param("district", district)
				.query(Long.class)
				.list();
			long farCommune = last.get(0);
			long neighbourCommune = last.get(1);
			long farDistrict = jdbc.sql("""
					INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
					VALUES (:province, 'DISTRICT', 'HUYEN', '999', 'Thử Nghiệm', 'huyen thu nghiem 999',
					        '/' || :province || '/', DATE '2000-01-01') RETURNING id""")
				.param("province", province)
				.query(Long.class)
				.single();
			jdbc.sql("UPDATE unit SET parent_id = :d, ancestor_path = '/' || :p || '/' || :d || '/' WHERE id = :c")
				.param("d", farDistrict)
				.param("p", province)
				.param("c", farCommune)
				.update();
			jdbc.sql("UPDATE unit SET ancestor_path = '/' || :p || '/' || :d || '/' || :c || '/' WHERE parent_id = :c")
				.param("d", farDistrict)
				.param("p", province)
				.param("c", farCommune)
				.update();
			// the tree's history says the same (the far district's first version came with its row): the commune has
			// always been in it
			jdbc.sql("""
					UPDATE unit_version v SET parent_id = u.parent_id, ancestor_path = u.ancestor_path
					FROM unit u WHERE u.id = v.unit_id AND (u.id = :c OR u.parent_id = :c)""")
				.param("c", farCommune)
				.update();

			YearMonth month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
			int year = Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue();
			long indicator = id("SELECT min(id) FROM indicator");
			for (Map<String, Object> site : List.of(home, neighbour, far, sibling)) {
				site.put("province", province);
				site.put("period", month.minusMonths(2));
				site.put("submitted", month.minusMonths(3));
				site.put("approved", month.minusMonths(4));
				site.put("year", year);
				site.put("indicator", indicator);
				site.put("step", 0);
			}
			fill(home, district, township, village);
			fill(neighbour, district, neighbourCommune, firstChild(neighbourCommune));
			fill(far, farDistrict, farCommune, firstChild(farCommune));
			fillVillage(sibling, id("""
					SELECT id FROM unit WHERE parent_id = %d AND id <> %d AND valid_to IS NULL ORDER BY code, id LIMIT 1"""
				.formatted(township, village)));

			long admin = id("SELECT id FROM app_user WHERE username = 'admin'");
			home.put("steeringMember", id("""
					SELECT min(id) FROM steering_member WHERE district_id = %d AND left_on IS NULL""".formatted(district)));
			far.put("steeringMember", id("""
					INSERT INTO steering_member (district_id, full_name, position, agency)
					VALUES (%d, 'Lê Văn Xa', 'Phó Chủ tịch', 'UBND huyện') RETURNING id""".formatted(farDistrict)));
			home.put("request", id("SELECT min(id) FROM adhoc_request WHERE district_id = " + district));
			// answers without figures, so that an answer passes validation and meets the area check
			jdbc.sql("DELETE FROM adhoc_request_indicator WHERE request_id = :r").param("r", home.get("request")).update();
			long farRequest = request(farDistrict, admin);
			far.put("request", farRequest);
			// the neighbour's: one of the demo district, sent to the neighbouring commune alone
			long neighbourRequest = request(district, admin);
			neighbour.put("request", neighbourRequest);
			answer((Long) home.get("request"), township);
			answer((Long) home.get("request"), neighbourCommune);
			answer(farRequest, farCommune);
			answer(neighbourRequest, neighbourCommune);
			home.put("answerUnit", township);
			neighbour.put("answerUnit", neighbourCommune);
			far.put("answerUnit", farCommune);

			home.put("session", session(district, (Long) home.get("member")));
			far.put("session", session(farDistrict, (Long) far.get("member")));
			home.put("attendee", home.get("member"));
			far.put("attendee", far.get("member"));

			home.put("reorganisation", reorganisation(district, township, neighbourCommune, admin));
			far.put("reorganisation", reorganisation(farDistrict, farCommune, farCommune, admin));

			// district-level objects of the neighbour are the far district's
			for (String key : List.of("district", "steeringMember", "session", "attendee", "reorganisation")) {
				neighbour.put(key, far.get(key));
			}
			home.put("answerRequest", home.get("request"));
			far.put("answerRequest", farRequest);
			neighbour.put("answerRequest", home.get("request"));
			neighbour.forEach(sibling::putIfAbsent);

			mirrors.put(Who.OFFICER, account("matrix-officer", Role.OFFICER, farDistrict));
			mirrors.put(Who.COMMUNE_CHAIR, account("matrix-chair", Role.COMMUNE_CHAIR, neighbourCommune));
			mirrors.put(Who.VILLAGE_HEAD, account("matrix-head", Role.VILLAGE_HEAD, (Long) sibling.get("village")));
		}

		private String account(String username, Role role, long home) {
			jdbc.sql("""
					INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
					VALUES (:username, 'x', 'Thử', :role, :home, false)""")
				.param("username", username)
				.param("role", role.name())
				.param("home", home)
				.update();
			return username;
		}

		/** A draft of the area's committee, whose one step waits for the villages of a commune to be chosen. */
		private long reorganisation(long area, long from, long to, long by) {
			return id("""
					INSERT INTO reorganisation (area_id, basis_number, basis_date, basis_signer, effective_on, plan, status,
					                            recorded_by, recorded_at)
					VALUES (%d, '1/NQ', DATE '2024-11-30', 'UBTVQH', DATE '2025-01-01',
					        CAST('{"opens":[],"steps":[{"kind":"TRANSFER","units":[],"target":%d,"from":%d}],"accounts":{}}' AS jsonb),
					        'DRAFT', %d, now()) RETURNING id""".formatted(area, to, from, by));
		}

		private long request(long district, long by) {
			return id("""
					INSERT INTO adhoc_request (district_id, title, questions, deadline, created_by)
					VALUES (%d, 'Thử', 'Thử?', DATE '2100-01-01', %d) RETURNING id""".formatted(district, by));
		}

		/**
		 * Adds a marker to the names of everything outside: units, teams, members, accounts, obstacles,
		 * commendations, and the far district's steering members, requests and training sessions. What the
		 * demo district shared with the commune moved out of it (steering charges, request addressees, training
		 * attendance) is taken away first, since it would rightly show the far marker on the district's pages.
		 */
		void markOutside() {
			long farDistrict = (Long) far.get("district");
			String farPath = path(farDistrict);
			jdbc.sql("""
					DELETE FROM steering_member_commune c USING unit u WHERE u.id = c.commune_id AND u.subtree_path LIKE :p""")
				.param("p", farPath + "%")
				.update();
			String farResponses = """
					SELECT s.id FROM adhoc_response s JOIN adhoc_request r ON r.id = s.request_id JOIN unit u ON u.id = s.unit_id
					WHERE r.district_id <> :d AND u.subtree_path LIKE :p""";
			jdbc.sql("DELETE FROM adhoc_response_value WHERE response_id IN (" + farResponses + ")")
				.param("d", farDistrict)
				.param("p", farPath + "%")
				.update();
			jdbc.sql("DELETE FROM adhoc_response WHERE id IN (" + farResponses + ")")
				.param("d", farDistrict)
				.param("p", farPath + "%")
				.update();
			jdbc.sql("""
					DELETE FROM adhoc_request_unit a USING adhoc_request r, unit u
					WHERE r.id = a.request_id AND u.id = a.unit_id AND r.district_id <> :d AND u.subtree_path LIKE :p""")
				.param("d", farDistrict)
				.param("p", farPath + "%")
				.update();
			jdbc.sql("""
					DELETE FROM training_attendance a USING training_session s, team_member m, team t, unit u
					WHERE s.id = a.session_id AND m.id = a.member_id AND t.id = m.team_id AND u.id = t.unit_id
					  AND s.district_id <> :d AND u.subtree_path LIKE :p""")
				.param("d", farDistrict)
				.param("p", farPath + "%")
				.update();
			mark(farPath, FAR, far);
			mark(path((Long) neighbour.get("commune")), NEIGHBOUR, neighbour);
			mark(path((Long) sibling.get("village")), SIBLING, sibling);
			jdbc.sql("UPDATE steering_member SET full_name = full_name || ' ' || :m WHERE district_id = :d")
				.param("m", FAR)
				.param("d", farDistrict)
				.update();
			jdbc.sql("UPDATE adhoc_request SET title = title || ' ' || :m WHERE district_id = :d")
				.param("m", FAR)
				.param("d", farDistrict)
				.update();
			jdbc.sql("UPDATE training_session SET organiser = organiser || ' ' || :m WHERE district_id = :d")
				.param("m", FAR)
				.param("d", farDistrict)
				.update();
			for (Map<String, Object> site : List.of(home, neighbour, far, sibling)) {
				site.put("homeSession", home.get("session"));
			}
		}

		private void mark(String path, String marker, Map<String, Object> site) {
			String folded = SearchText.fold(marker);
			site.put("search", folded);
			String units = "SELECT id FROM unit WHERE subtree_path LIKE :p";
			String teams = "SELECT id FROM team WHERE unit_id IN (" + units + ")";
			for (String sql : List.of(
					"UPDATE unit SET name = name || ' ' || :m, search_text = search_text || ' ' || :f WHERE id IN (" + units + ")",
					"UPDATE team SET name = name || ' ' || :m WHERE id IN (" + teams + ")",
					"UPDATE team_member SET full_name = full_name || ' ' || :m, search_text = search_text || ' ' || :f"
							+ " WHERE team_id IN (" + teams + ")",
					"UPDATE app_user SET full_name = full_name || ' ' || :m WHERE home_unit_id IN (" + units + ")",
					"UPDATE obstacle SET text = text || ' ' || :m WHERE unit_id IN (" + units + ")",
					"UPDATE commendation SET reason = reason || ' ' || :m WHERE team_id IN (" + teams + ")")) {
				jdbc.sql(sql).param("m", marker).param("f", folded).param("p", path + "%").update();
			}
		}

		private String path(long unit) {
			return jdbc.sql("SELECT subtree_path FROM unit WHERE id = :id").param("id", unit).query(String.class).single();
		}

		Map<String, Object> inside() {
			return home;
		}

		Map<String, Object> outside(Who who) {
			return who.outsideIsAnotherDistrict() ? far : who == Who.VILLAGE_HEAD ? sibling : neighbour;
		}

		private void fill(Map<String, Object> site, long district, long commune, long village) {
			site.put("district", district);
			site.put("commune", commune);
			long communeTeam = id("SELECT min(id) FROM team WHERE status = 'ACTIVE' AND unit_id = " + commune);
			site.put("communeTeam", communeTeam);
			site.put("communeMember", id("""
					SELECT id FROM team_member WHERE team_id = %d AND left_on IS NULL
					ORDER BY team_role = 'LEADER', id LIMIT 1""".formatted(communeTeam)));
			plan(communeTeam, (Integer) site.get("year"));
			jdbc.sql("""
					INSERT INTO commune_report (commune_id, period, status, submitted_at)
					VALUES (:commune, :period, 'SUBMITTED', now())
					ON CONFLICT (commune_id, period) DO UPDATE SET status = 'SUBMITTED', version = 0,
					    submitted_at = coalesce(commune_report.submitted_at, now())""")
				.param("commune", commune)
				.param("period", ((YearMonth) site.get("submitted")).atDay(1))
				.update();
			fillVillage(site, village);
		}

		private void fillVillage(Map<String, Object> site, long village) {
			site.put("village", village);
			report(village, (YearMonth) site.get("submitted"), "SUBMITTED");
			report(village, (YearMonth) site.get("approved"), "APPROVED");
			long team = id("SELECT min(id) FROM team WHERE status = 'ACTIVE' AND unit_id = " + village);
			site.put("team", team);
			site.put("member", id("""
					SELECT id FROM team_member WHERE team_id = %d AND left_on IS NULL
					ORDER BY team_role = 'LEADER', id LIMIT 1""".formatted(team)));
			long report = id("SELECT min(id) FROM village_report WHERE village_id = " + village);
			site.put("obstacle", id("""
					INSERT INTO obstacle (unit_id, period, source, source_id, text, status, raised_at)
					VALUES (%d, DATE '%s-01', 'VILLAGE_REPORT', %d, 'Thử', 'OPEN', now()) RETURNING id"""
				.formatted(village, site.get("period"), report)));
			site.put("commendation", id("""
					INSERT INTO commendation (team_id, unit_id, reason, period, proposed_by_name)
					VALUES (%d, %d, 'Thử', '2026', 'Thử') RETURNING id""".formatted(team, village)));
			site.put("account", id("""
					INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id)
					VALUES ('matrix-%d', 'x', 'Thử', 'VILLAGE_HEAD', %d) RETURNING id""".formatted(village, village)));
			site.put("notification", id("""
					INSERT INTO notification (recipient_id, kind, source_key, link, created_at)
					VALUES (%d, 'PASSWORD_CHANGED', 'matrix', '/account/password', now()) RETURNING id"""
				.formatted(site.get("account"))));
			site.put("pushSubscription", id("""
					INSERT INTO push_subscription (user_id, endpoint, p256dh, auth, created_at)
					VALUES (%d, 'https://fcm.googleapis.com/fcm/send/matrix-%d', 'x', 'x', now()) RETURNING id"""
				.formatted(site.get("account"), village)));
			plan(team, (Integer) site.get("year"));
		}

		/** The team's plan of the year, with a file. */
		private void plan(long team, int year) {
			long plan = id("""
					INSERT INTO activity_plan (team_id, year) VALUES (%d, %d)
					ON CONFLICT (team_id, year) DO UPDATE SET version = activity_plan.version RETURNING id"""
				.formatted(team, year));
			jdbc.sql("""
					INSERT INTO activity_plan_file (plan_id, file_name, size_bytes, content_type, content)
					VALUES (:plan, 'ke-hoach.pdf', 4, 'application/pdf', :content) ON CONFLICT DO NOTHING""")
				.param("plan", plan)
				.param("content", new byte[] { 37, 80, 68, 70 })
				.update();
		}

		/** The village's report of the month, in the state the review steps of the matrix need. */
		private void report(long village, YearMonth month, String status) {
			jdbc.sql("""
					INSERT INTO village_report (village_id, period, status, submitted_at, late)
					VALUES (:village, :period, :status, now(), false)
					ON CONFLICT (village_id, period) DO UPDATE SET status = :status, version = 0,
					    submitted_at = coalesce(village_report.submitted_at, now())""")
				.param("village", village)
				.param("period", month.atDay(1))
				.param("status", status)
				.update();
		}

		private long session(long district, long member) {
			long session = id("""
					INSERT INTO training_session (district_id, held_on, mode, organiser, place)
					VALUES (%d, DATE '2026-01-10', 'IN_PERSON', 'Thử', 'Thử') RETURNING id""".formatted(district));
			jdbc.sql("INSERT INTO training_attendance (session_id, member_id) VALUES (:s, :m)")
				.param("s", session)
				.param("m", member)
				.update();
			return session;
		}

		/** Sends the request to the unit, if it was not yet, and answers it for the unit. */
		private void answer(long request, long unit) {
			jdbc.sql("""
					INSERT INTO adhoc_request_unit (request_id, unit_id) VALUES (:r, :u) ON CONFLICT DO NOTHING""")
				.param("r", request)
				.param("u", unit)
				.update();
			jdbc.sql("""
					INSERT INTO adhoc_response (request_id, unit_id, answers, submitted_at, late)
					VALUES (:r, :u, 'Thử', now(), false) ON CONFLICT DO NOTHING""")
				.param("r", request)
				.param("u", unit)
				.update();
		}

		private long firstChild(long unit) {
			return id("SELECT id FROM unit WHERE parent_id = %d AND valid_to IS NULL ORDER BY code, id LIMIT 1"
				.formatted(unit));
		}

		private long id(String sql) {
			Long id = jdbc.sql(sql).query(Long.class).single();
			if (id == null) {
				throw new IllegalStateException("Nothing for " + sql);
			}
			return id;
		}

	}

}
