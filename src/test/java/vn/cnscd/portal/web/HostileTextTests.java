package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestParam;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Issue #7: markup and spreadsheet formulas typed into any free-text field stay text. Every free-text field of
 * every form is filled through the real form (so validation and normalisation run) with
 * {@code <script>alert(1)</script>} and {@code "><img src=x onerror=alert(1)>}, behind a leading {@code =},
 * {@code +}, {@code -} or {@code @}; then every page that shows them is parsed and must hold no script, handler
 * or image of ours, only the text; and every export is opened: no formula cell, no cell that a spreadsheet would
 * run, and the PDF shows the text as typed.
 */
@IntegrationTest
@Transactional
class HostileTextTests {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String IMG = "\"><img src=x onerror=alert(1)>";

	static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

	static final YearMonth MONTH = YearMonth.of(2030, 3);

	/**
	 * The free-text String properties of the forms, each filled in below; a new one must be added here. Besides
	 * these, the request parameters that are free text are filled too: the reasons a report is given back or
	 * unlocked with, the answers to obstacles, the names in a roster file, a plan file's name and the search boxes.
	 */
	static final Set<String> COVERED = Set.of("AccountForm.fullName", "AccountForm.unitSearch", "UnitForm.name", "IndicatorForm.nameVi",
			"IndicatorForm.nameEn", "IndicatorForm.descriptionVi", "IndicatorForm.descriptionEn", "IndicatorForm.unitVi",
			"IndicatorForm.unitEn", "IndicatorForm.source", "AdhocAnswerForm.answers", "AdhocRequestForm.title",
			"AdhocRequestForm.questions", "CommuneReportForm.narrative", "CommuneReportForm.obstacles",
			"VillageReportForm.explanations", "VillageReportForm.obstacles", "VillageReportForm.proposals",
			"MemberForm.fullName", "SteeringMemberForm.fullName", "SteeringMemberForm.position",
			"SteeringMemberForm.agency", "TeamForm.name", "TeamForm.decisionNumber", "TeamForm.decisionSigner",
			"TeamForm.chatName", "TeamForm.chatLink", "CommendationForm.reason", "CommendationForm.period",
			"DecisionForm.note", "PlanItemForm.activity", "PlanItemForm.personInCharge",
			"TrainingSessionForm.organiser", "TrainingSessionForm.place", "ReorganisationBasisForm.number",
			"ReorganisationBasisForm.signer", "MergeStepForm.newName", "RenameStepForm.newName",
			"ReorganisationImportForm.content", "ReorganisationImportForm.number", "ReorganisationImportForm.signer",
			"CommuneReportForm.proposals", "ReportSettingsForm.superior", "ReportSettingsForm.issuer", "ReportSettingsForm.place",
			"ReportSettingsForm.authority", "ReportSettingsForm.signerTitle", "ReportSettingsForm.signerName",
			"ReportSettingsForm.recipients");

	/**
	 * String properties that cannot hold free text: the pattern, the parsing or the normalisation of each refuses
	 * markup. Where a refused value is shown back in its field, that page is checked too ("echoed").
	 */
	static final Map<String, String> NOT_FREE_TEXT = Map.ofEntries(
			Map.entry("AccountForm.username", "letters, digits . _ - only; echoed"),
			Map.entry("AccountForm.phone", "a Vietnamese mobile number, stored normalised; echoed"),
			Map.entry("MemberForm.phone", "a Vietnamese mobile number, stored normalised; echoed"),
			Map.entry("SteeringMemberForm.phone", "a Vietnamese mobile number, stored normalised; echoed"),
			Map.entry("PasswordForm.currentPassword", "never shown"),
			Map.entry("PasswordForm.newPassword", "never shown"),
			Map.entry("PasswordForm.confirmPassword", "never shown"),
			Map.entry("UnitForm.code", "letters, digits . - only; echoed; a leading - is checked in the exports"),
			Map.entry("MergeStepForm.newCode", "letters, digits . - only; echoed"),
			Map.entry("RenameStepForm.newCode", "letters, digits . - only; echoed"),
			Map.entry("IndicatorForm.code", "capitals, digits . - only; echoed; a leading - is checked in the exports"),
			Map.entry("TargetGridForm.values", "numbers; echoed"),
			Map.entry("TargetGridForm.fingerprint", "a hash the page wrote"),
			Map.entry("AdhocAnswerForm.values", "numbers; echoed"),
			Map.entry("VillageReportForm.values", "numbers; echoed"),
			Map.entry("VillageReportForm.sessionsHeld", "a number"),
			Map.entry("VillageReportForm.residentsGuided", "a number"),
			Map.entry("VillageReportForm.householdsVisited", "a number"),
			Map.entry("CommuneReportForm.sessionsHeld", "a number; echoed"),
			Map.entry("CommuneReportForm.residentsGuided", "a number"),
			Map.entry("CommuneReportForm.householdsVisited", "a number"),
			Map.entry("AdhocAnswerForm.formKey", "an id the page wrote"),
			Map.entry("CommendationForm.formKey", "an id the page wrote"),
			Map.entry("CommuneReportForm.formKey", "an id the page wrote"),
			Map.entry("MemberForm.formKey", "an id the page wrote"),
			Map.entry("RosterMappingForm.upload", "an id the page wrote, refused unless a UUID"),
			Map.entry("TrainingSessionForm.formKey", "an id the page wrote"),
			Map.entry("VillageReportForm.formKey", "an id the page wrote"),
			Map.entry("NotificationSettingsForm.language", "vi or en"),
			Map.entry("NotificationSettingsForm.email",
					"an address of letters, digits and . _ % + - @ only; echoed where e-mail is on (DeliveryChannelTests)"),
			Map.entry("PushSubscriptionForm.endpoint", "an address of an allowed push service, never shown"),
			Map.entry("PushSubscriptionForm.p256dh", "base64url, never shown"),
			Map.entry("PushSubscriptionForm.auth", "base64url, never shown"),
			Map.entry("ReportSettingsForm.symbol", "letters, digits & . - only; echoed"));

	/** The String request parameters of the controllers, and where each is filled in or why it needs not be. */
	static final Map<String, String> REQUEST_PARAMETERS = Map.ofEntries(
			Map.entry("VillageReportController.giveBack(reason)", "filled: return village report"),
			Map.entry("VillageReportController.unlock(reason)", "filled: unlock village report"),
			Map.entry("CommuneReportController.giveBack(reason)", "filled: return commune report"),
			Map.entry("ObstacleController.answer(text)", "filled: obstacle answer, and one too long, echoed"),
			Map.entry("UnitController.search(q)", "filled: the search boxes"),
			Map.entry("TeamController.search(q)", "filled: the search boxes"),
			Map.entry("TrainingController.session(q)", "filled: the search boxes"),
			Map.entry("TrainingController.session(attendee)", "filled: the search boxes"),
			Map.entry("ObstacleController.list(q)", "filled: the search boxes"),
			Map.entry("AccountController.list(q)", "filled: the search boxes"),
			Map.entry("VillageReportController.save(action)", "draft or submit, never shown"),
			Map.entry("AccountController.create(narrow)", "which button narrowed the units, never shown"),
			Map.entry("CommuneReportController.save(action)", "draft or submit, never shown"),
			Map.entry("PlanController.plan(refused)", "a flag the upload limit sets, never shown"),
			Map.entry("RosterImportController.page(refused)", "a flag the upload limit sets, never shown"),
			Map.entry("SummaryController.summary(quarter)", "parsed, or 404: filled in the error pages"),
			Map.entry("DashboardController.province(month)", "parsed, or 404: as the district's"),
			Map.entry("DashboardController.provinceTrends(month)", "parsed, or 404: as the dashboard's"),
			Map.entry("DashboardController.districtTrends(view)", "\"today\" or anything else for as reported, never shown"),
			Map.entry("DashboardController.communeTrends(view)", "\"today\" or anything else for as reported, never shown"),
			Map.entry("DashboardController.provinceTrends(view)", "\"today\" or anything else for as reported, never shown"),
			Map.entry("DashboardController.provinceText(month)", "parsed, or 404: as the dashboard's"),
			Map.entry("SummaryController.summary(month)", "parsed, or 404: as the quarter"),
			Map.entry("SummaryController.summary(year)", "parsed, or 404: as the quarter"),
			Map.entry("DashboardController.district(month)", "parsed, or 404: filled in the error pages"),
			Map.entry("DashboardController.commune(month)", "parsed, or 404: as the district's"),
			Map.entry("DashboardController.districtTrends(month)", "parsed, or 404: as the dashboard's"),
			Map.entry("DashboardController.communeTrends(month)", "parsed, or 404: as the dashboard's"),
			Map.entry("DashboardController.districtText(month)", "parsed, or 404: as the dashboard's"),
			Map.entry("DashboardController.communeText(month)", "parsed, or 404: as the dashboard's"),
			Map.entry("ReminderController.remind(month)", "parsed, or 404: as the dashboard's"));

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	/** What was typed into each field, by field. */
	final Map<String, String> typed = new LinkedHashMap<>();

	/** What the pages checked so far did wrong. */
	final List<String> problems = new ArrayList<>();

	/** The fields some page checked so far has shown. */
	final Set<String> seen = new TreeSet<>();

	UnitSummary district;

	UnitSummary commune;

	UnitSummary village;

	UnitSummary otherVillage;

	@BeforeEach
	void setUp() {
		clock.set(LocalDateTime.of(2030, 4, 20, 10, 0).atZone(HANOI).toInstant());
		district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
		commune = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		village = units.openChildren(commune.id()).get(0);
		otherVillage = units.openChildren(commune.id()).get(1);
	}

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	// ---- the values ----

	/**
	 * A value for a field: a formula start, the field's own mark and both payloads. A few are sent behind a tab or
	 * a carriage return, which also start a formula; the portal strips them as it stores the text.
	 */
	String hostile(String field, String formulaStart) {
		String value = formulaStart + " #" + nextMark() + " " + SCRIPT + " " + IMG;
		typed.put(field, value);
		return value;
	}

	/** For fields of at most 50 characters, which hold one payload; the other is in another short field. */
	String hostileShort(String field, String formulaStart, String payload) {
		String value = formulaStart + " #" + nextMark() + " " + payload;
		typed.put(field, value);
		return value;
	}

	/** A mark no other value holds, to tell the fields apart and to search for. */
	String nextMark() {
		return "f" + (typed.size() + 10);
	}

	String markOf(String field) {
		return typed.get(field).replaceFirst(".*#(f\\d+).*", "$1");
	}

	// ---- requests ----

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, String username) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(csrf()).with(as(username))).andReturn().getResponse();
		assertThat(response.getStatus()).as(username + ": " + response.getContentAsString()).isBetween(200, 399);
		assertThat(response.getStatus()).as("a form refused what it should store: " + response.getContentAsString())
			.isNotEqualTo(200);
		return response;
	}

	/** The page's form ({@code form.form}) as shown, with some fields changed. */
	MockHttpServletRequestBuilder formRequest(String pageUrl, String username, Map<String, String> changes)
			throws Exception {
		Document page = Jsoup.parse(get(pageUrl, username).getContentAsString());
		Element form = page.selectFirst("form.form");
		assertThat(form).as("a form on " + pageUrl).isNotNull();
		MockHttpServletRequestBuilder request = post(form.attr("action").isEmpty() ? pageUrl : form.attr("action"));
		Map<String, List<String>> fields = new LinkedHashMap<>();
		for (Element input : form.select("input[name], select[name], textarea[name]")) {
			String name = input.attr("name");
			if (name.equals("_csrf")) {
				continue;
			}
			switch (input.tagName()) {
				case "select" -> {
					Element selected = input.selectFirst("option[selected]");
					fields.computeIfAbsent(name, n -> new ArrayList<>())
						.add(selected == null ? input.select("option").first().val() : selected.val());
				}
				case "textarea" -> fields.computeIfAbsent(name, n -> new ArrayList<>()).add(input.val());
				default -> {
					String type = input.attr("type");
					if (type.equals("submit") || type.equals("button") || type.equals("file")
							|| ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked"))) {
						continue;
					}
					fields.computeIfAbsent(name, n -> new ArrayList<>()).add(input.val());
				}
			}
		}
		changes.forEach((name, value) -> fields.put(name, List.of(value)));
		fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		return request;
	}

	/** The page's form sent as shown, with some fields changed; it must be accepted. */
	MockHttpServletResponse resend(String pageUrl, String username, Map<String, String> changes) throws Exception {
		return send(formRequest(pageUrl, username, changes), username);
	}

	MockHttpServletResponse get(String url, String username) throws Exception {
		MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(url).with(as(username)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(username + " GET " + url).isEqualTo(200);
		return response;
	}

	long id(String sql, Object... params) {
		var statement = jdbc.sql(sql);
		for (int i = 0; i < params.length; i++) {
			statement = statement.param(i + 1, params[i]);
		}
		return statement.query(Long.class).single();
	}

	long teamOf(UnitSummary unit) {
		return id("SELECT id FROM team WHERE unit_id = ? AND status = 'ACTIVE' ORDER BY id LIMIT 1", unit.id());
	}

	// ---- storing ----

	/** An officer of the district whose own name is hostile, who then signs answers, decisions and proposals. */
	String hostileOfficer() throws Exception {
		MvcResult created = mvc.perform(post("/accounts/new").with(csrf()).with(as("admin"))
			.param("username", "hostile.officer")
			.param("fullName", hostile("AccountForm.fullName", "=HYPERLINK(\"http://x\")"))
			.param("phone", "")
			.param("role", "OFFICER")
			.param("homeUnitId", String.valueOf(district.id()))).andExpect(status().is3xxRedirection()).andReturn();
		String temporary = (String) created.getFlashMap().get("temporaryPassword");
		mvc.perform(post("/account/password").with(csrf()).with(as("hostile.officer"))
			.param("currentPassword", temporary)
			.param("newPassword", "mat-khau-moi-2030")
			.param("confirmPassword", "mat-khau-moi-2030")).andExpect(status().is3xxRedirection());
		return "hostile.officer";
	}

	void storeEverywhere() throws Exception {
		String officer = hostileOfficer();

		// units: the commune and the village that reports; a village code may start with a minus
		resend(commune.url() + "/edit", "district", Map.of("name", hostile("UnitForm.name", "+1")));
		resend(village.url() + "/edit", "commune",
				Map.of("name", hostile("UnitForm.name#village", "@SUM(A1)"), "code", "-1107401"));

		// an indicator every village reports
		send(post("/indicators/new").param("code", "-ZZ9")
			.param("nameVi", hostile("IndicatorForm.nameVi", "=HYPERLINK(\"http://x\")"))
			.param("nameEn", hostile("IndicatorForm.nameEn", "+1"))
			.param("descriptionVi", hostile("IndicatorForm.descriptionVi", "-1+2"))
			.param("descriptionEn", hostile("IndicatorForm.descriptionEn", "@SUM(A1)"))
			.param("unitVi", hostileShort("IndicatorForm.unitVi", "-1+2", SCRIPT))
			.param("unitEn", hostileShort("IndicatorForm.unitEn", "+1", IMG))
			.param("pillar", "XA_HOI_SO")
			.param("kind", "FLOW")
			.param("villageReported", "true")
			.param("source", hostile("IndicatorForm.source", "=HYPERLINK(\"http://x\")"))
			.param("sortOrder", "1"), "district");

		// teams and members
		long communeTeam = teamOf(commune);
		long villageTeam = teamOf(village);
		resend("/teams/" + communeTeam + "/edit", "commune", Map.of("name", hostile("TeamForm.name", "=HYPERLINK(\"http://x\")"),
				"decisionNumber", hostileShort("TeamForm.decisionNumber", "@SUM(A1)", SCRIPT),
				"decisionSigner", hostile("TeamForm.decisionSigner", "-1+2"),
				"chatName", hostile("TeamForm.chatName", "+1"),
				"chatLink", chatLink()));
		resend("/teams/" + villageTeam + "/edit", "commune", Map.of("name", hostile("TeamForm.name#village", "-1+2"),
				"decisionNumber", hostileShort("TeamForm.decisionNumber#village", "+1", IMG)));
		send(post("/teams/" + villageTeam + "/members/new").param("fullName", "\t" + hostile("MemberForm.fullName", "=HYPERLINK(\"http://x\")"))
			.param("gender", "FEMALE")
			.param("birthYear", "1990")
			.param("phone", "0388123456")
			.param("role", "MEMBER")
			.param("affiliation", "WOMENS_UNION")
			.param("joinedOn", "2026-01-05"), "commune");
		long headOfOther = id("SELECT id FROM team_member WHERE team_id = ? AND team_role = 'LEADER' AND left_on IS NULL",
				teamOf(otherVillage));
		// no longer the village head, the leader's name goes into the roster's problem, a message argument
		resend("/members/" + headOfOther + "/edit", "commune",
				Map.of("fullName", hostile("MemberForm.fullName#head", "@SUM(A1)"), "affiliation", "OTHER"));

		// the steering committee
		send(post("/steering/new").param("fullName", hostile("SteeringMemberForm.fullName", "+1"))
			.param("position", hostile("SteeringMemberForm.position", "-1+2"))
			.param("agency", hostile("SteeringMemberForm.agency", "@SUM(A1)"))
			.param("phone", "")
			.param("accountId", "")
			.param("version", "0")
			.param("_communeIds", "on")
			.param("communeIds", String.valueOf(commune.id())), "district");

		// the village's monthly report: sent, given back, sent, approved, unlocked, sent again
		String report = village.url() + "/reports/" + MONTH;
		MockHttpServletRequestBuilder villageReport = post(report).param("action", "submit")
			.param("formKey", "hostile-1")
			.param("sessionsHeld", "1")
			.param("residentsGuided", "2")
			.param("householdsVisited", "3")
			.param("obstacles", hostile("VillageReportForm.obstacles", "=HYPERLINK(\"http://x\")") + "\n"
					+ hostile("VillageReportForm.obstacles#2", "@SUM(A1)"))
			.param("proposals", "\t" + hostile("VillageReportForm.proposals", "-1+2"));
		String explanation = hostile("VillageReportForm.explanations", "+1");
		for (long indicator : jdbc.sql("SELECT id FROM indicator WHERE active AND village_reported").query(Long.class).list()) {
			villageReport.param("values[" + indicator + "]", "0").param("explanations[" + indicator + "]", explanation);
		}
		send(villageReport, "village");
		send(post(report + "/return").param("version", version("village_report", village.id()))
			.param("reason", hostile("return village report", "-1+2")), "commune");
		check("village", report, "return village report", "VillageReportForm.explanations", "VillageReportForm.obstacles",
				"VillageReportForm.proposals");
		check("commune", report, "return village report");
		long reported = id("SELECT min(id) FROM indicator WHERE active AND village_reported");
		refused("village", report, formRequest(report, "village", Map.of("action", "submit", "values[" + reported + "]", IMG)),
				"VillageReportForm.values", IMG);
		resend(report, "village", Map.of("action", "submit", "formKey", "hostile-2"));
		send(post(report + "/approve").param("version", version("village_report", village.id())), "commune");
		send(post(report + "/unlock").param("version", version("village_report", village.id()))
			.param("reason", hostile("unlock village report", "@SUM(A1)")), officer);
		check("village", report, "unlock village report");
		resend(report, "village", Map.of("action", "submit", "formKey", "hostile-3"));

		// the commune's report, given back once
		String communeReport = commune.url() + "/reports/" + MONTH;
		refused("commune", communeReport, post(communeReport).param("action", "submit").param("sessionsHeld", SCRIPT),
				"CommuneReportForm.sessionsHeld", SCRIPT);
		send(post(communeReport).param("action", "submit")
			.param("formKey", "hostile-4")
			.param("sessionsHeld", "3")
			.param("residentsGuided", "40")
			.param("householdsVisited", "12")
			.param("narrative", hostile("CommuneReportForm.narrative", "=HYPERLINK(\"http://x\")"))
			.param("obstacles", hostile("CommuneReportForm.obstacles", "@SUM(A1)"))
			.param("proposals", hostile("CommuneReportForm.proposals", "-1+2")), "commune");
		send(post(communeReport + "/return").param("version", version("commune_report", commune.id()))
			.param("reason", hostile("return commune report", "+1")), officer);

		// an answer to each obstacle
		for (long obstacle : jdbc.sql("SELECT id FROM obstacle WHERE unit_id IN (:v, :c) AND period = :p")
			.param("v", village.id()).param("c", commune.id()).param("p", MONTH.atDay(1)).query(Long.class).list()) {
			send(post("/obstacles/" + obstacle + "/answers").param("text", typed.containsKey("obstacle answer")
					? typed.get("obstacle answer") : hostile("obstacle answer", "-1+2")), officer);
		}

		long obstacle = id("SELECT min(id) FROM obstacle WHERE unit_id = ? AND period = ?", village.id(), MONTH.atDay(1));
		String tooLong = IMG + "x".repeat(4000);
		MvcResult kept = mvc.perform(post("/obstacles/" + obstacle + "/answers").with(csrf()).with(as(officer))
			.param("text", tooLong)).andReturn();
		refused(officer, "/obstacles/" + obstacle, MockMvcRequestBuilders.get("/obstacles/" + obstacle)
			.flashAttrs(kept.getFlashMap()), "obstacle answer", tooLong);

		// an ad hoc request, answered by the commune
		long indicator = id("SELECT id FROM indicator WHERE code = '-ZZ9'");
		send(post("/requests/new").param("title", hostile("AdhocRequestForm.title", "+1"))
			.param("questions", hostile("AdhocRequestForm.questions", "-1+2"))
			.param("deadline", "2030-05-01")
			.param("addressees", "COMMUNE")
			.param("communeIds", String.valueOf(commune.id()))
			.param("indicatorIds", String.valueOf(indicator)), officer);
		long request = id("SELECT max(id) FROM adhoc_request");
		refused("commune", "/requests/" + request, post("/requests/" + request + "/answer").param("formKey", "hostile-0")
			.param("answers", "")
			.param("values[" + indicator + "]", IMG), "AdhocAnswerForm.values", IMG);
		send(post("/requests/" + request + "/answer").param("formKey", "hostile-5")
			.param("answers", hostile("AdhocAnswerForm.answers", "=HYPERLINK(\"http://x\")"))
			.param("values[" + indicator + "]", "7"), "commune");

		// a training session the new member attended
		send(post("/training/sessions/new").param("heldOn", "2030-03-10")
			.param("mode", "IN_PERSON")
			.param("topics", "PUBLIC_SERVICES")
			.param("organiser", hostile("TrainingSessionForm.organiser", "@SUM(A1)"))
			.param("place", hostile("TrainingSessionForm.place", "=HYPERLINK(\"http://x\")"))
			.param("formKey", "hostile-6"), officer);
		long session = id("SELECT max(id) FROM training_session");
		send(post("/training/sessions/" + session + "/attendees").param("member", String.valueOf(newMember())), officer);

		// the village team's plan for the year, and its file under a hostile name
		String plan = "/teams/" + villageTeam + "/plans/" + MONTH.getYear();
		send(post(plan + "/edit").param("version", "0")
			.param("items[0].month", "3")
			.param("items[0].activity", hostile("PlanItemForm.activity", "-1+2"))
			.param("items[0].personInCharge", hostile("PlanItemForm.personInCharge", "+1"))
			.param("items[0].status", "PLANNED"), "commune");
		typed.put("plan file name", IMG + ".pdf");
		send(multipart(plan + "/file").file(new MockMultipartFile("file", IMG + ".pdf",
				"application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))), "commune");

		// commendations: the team, proposed by the commune; the member, by the officer, then decided
		send(post("/commendations/new").param("teamId", String.valueOf(villageTeam))
			.param("reason", "\r" + hostile("CommendationForm.reason", "@SUM(A1)"))
			.param("period", hostileShort("CommendationForm.period", "=1+1", SCRIPT))
			.param("formKey", "hostile-7"), "commune");
		send(post("/commendations/new").param("memberId", String.valueOf(newMember()))
			.param("reason", hostile("CommendationForm.reason#member", "+1"))
			.param("period", hostileShort("CommendationForm.period#member", "-1", IMG))
			.param("formKey", "hostile-8"), officer);
		long commendation = id("SELECT id FROM commendation WHERE form_key = 'hostile-8'");
		send(post("/commendations/" + commendation + "/decide").param("decision", "APPROVED")
			.param("note", hostile("DecisionForm.note", "-1+2"))
			.param("version", "0"), officer);

		// what the report documents say of who issues and signs them: the district's and the commune's
		reportSettings(district, officer, "");
		reportSettings(commune, "commune", "#commune");

		// a roster file: a hostile name is imported; a hostile phone is refused and listed back
		UnitSummary third = units.openChildren(commune.id()).get(2);
		String imported = hostile("roster file: full name", "-1+2");
		importRoster(rosterFile(third.code(), imported, "0987000101"), "roster file: full name");
		UnitSummary fourth = units.openChildren(commune.id()).get(3);
		importRoster(rosterWorkbook(fourth.code(), hostile("roster workbook: full name", "=HYPERLINK(\"http://x\")"),
				false), "roster workbook: full name");
		check("commune", "roster workbook with a formula", mvc.perform(multipart(commune.url() + "/roster-import")
			.file(rosterWorkbook(fourth.code(), "Nguyễn Văn Bình", true)).with(csrf()).with(as("commune"))).andReturn());
		MvcResult badFile = mvc.perform(multipart(commune.url() + "/roster-import")
			.file(rosterFile(third.code(), "Nguyễn Văn Bình", SCRIPT)).with(csrf()).with(as("commune"))).andReturn();
		if (!check("commune", "refused roster file", badFile).select("#errors tbody").text().contains(SCRIPT)) {
			problems.add("the refused roster file does not list the bad cell");
		}
		// the mapping step shows a workbook's sheet names and headers as the file has them
		check("commune", "roster mapping step", mvc.perform(multipart(commune.url() + "/roster-import")
			.file(rosterWorkbookWithHostileNames()).with(csrf()).with(as("commune"))).andReturn(),
				"roster workbook: sheet", "roster workbook: header");

		// values the forms refuse come back in their fields, as text
		refused("admin", "/accounts/new", post("/accounts/new").param("username", SCRIPT)
			.param("fullName", "Nguyễn Văn Bình")
			.param("phone", IMG)
			.param("role", "OFFICER")
			.param("homeUnitId", String.valueOf(district.id())), "AccountForm.username", SCRIPT);
		// what was typed to find a home unit comes back in its box, as text, with the rest of the form
		refused("district", "/accounts/new", post("/accounts/new").param("username", "binh")
			.param("fullName", "Nguyễn Văn Bình")
			.param("role", "VILLAGE_HEAD")
			.param("unitSearch", SCRIPT)
			.param("narrow", "search"), "AccountForm.unitSearch", SCRIPT);
		refused("admin", "/accounts/new", post("/accounts/new").param("username", "binh")
			.param("fullName", "Nguyễn Văn Bình")
			.param("phone", IMG)
			.param("role", "OFFICER")
			.param("homeUnitId", String.valueOf(district.id())), "AccountForm.phone", IMG);
		refused("commune", "/teams/" + villageTeam + "/members/new", post("/teams/" + villageTeam + "/members/new")
			.param("fullName", "Nguyễn Văn Bình")
			.param("gender", "MALE")
			.param("phone", IMG)
			.param("role", "MEMBER")
			.param("affiliation", "OTHER")
			.param("joinedOn", "2026-01-05"), "MemberForm.phone", IMG);
		refused("district", "/steering/new", post("/steering/new").param("fullName", "Nguyễn Văn Bình")
			.param("position", "Phó Chủ tịch")
			.param("agency", "UBND huyện")
			.param("phone", IMG)
			.param("version", "0"), "SteeringMemberForm.phone", IMG);
		refused("commune", village.url() + "/edit", formRequest(village.url() + "/edit", "commune", Map.of("code", IMG)),
				"UnitForm.code", IMG);
		refused("district", "/indicators/new", post("/indicators/new").param("code", SCRIPT)
			.param("nameVi", "Chỉ số")
			.param("nameEn", "Indicator")
			.param("unitVi", "hộ")
			.param("unitEn", "households")
			.param("pillar", "XA_HOI_SO")
			.param("kind", "FLOW")
			.param("sortOrder", "2"), "IndicatorForm.code", SCRIPT);
		refused("commune", "/teams/" + communeTeam + "/edit", formRequest("/teams/" + communeTeam + "/edit", "commune",
				Map.of("chatLink", "https://x/ " + IMG)), "TeamForm.chatLink", "https://x/ " + IMG);
		// the only link a user writes into a page's href: a script address is refused, not stored
		refused("commune", "/teams/" + communeTeam + "/edit", formRequest("/teams/" + communeTeam + "/edit", "commune",
				Map.of("chatLink", "javascript:alert(1)//https://x")), "TeamForm.chatLink", "javascript:alert(1)//https://x");
		String targets = commune.url() + "/targets?year=" + MONTH.getYear();
		String cell = Jsoup.parse(get(targets, "commune").getContentAsString())
			.selectFirst("form.form input[name^=values]")
			.attr("name");
		refused("commune", targets, formRequest(targets, "commune", Map.of(cell, SCRIPT)), "TargetGridForm.values", SCRIPT);
	}

	/** A unit's report settings, every free line hostile; the symbol cannot be, and is refused as typed. */
	void reportSettings(UnitSummary unit, String username, String suffix) throws Exception {
		String page = unit.url() + "/report-settings";
		refused(username, page, formRequest(page, username, Map.of("symbol", SCRIPT)), "ReportSettingsForm.symbol", SCRIPT);
		resend(page, username, Map.of("superior", hostile("ReportSettingsForm.superior" + suffix, "=HYPERLINK(\"http://x\")"),
				"issuer", hostile("ReportSettingsForm.issuer" + suffix, "+1"),
				"place", hostile("ReportSettingsForm.place" + suffix, "-1+2"),
				"authority", "TM. " + hostile("ReportSettingsForm.authority" + suffix, "@SUM(A1)"),
				"signerTitle", hostile("ReportSettingsForm.signerTitle" + suffix, "=1+1"),
				"signerName", hostile("ReportSettingsForm.signerName" + suffix, "+1"),
				"recipients", hostile("ReportSettingsForm.recipients" + suffix, "-1+2") + "\n"
						+ hostile("ReportSettingsForm.recipients#2" + suffix, "@SUM(A1)")));
	}

	/** The same as a workbook: text cells, or the name as a formula saved without a value, which reads as empty. */
	MockMultipartFile rosterWorkbook(String villageCode, String name, boolean formula) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Danh sách");
			List<List<String>> rows = List.of(List.of("Mã thôn", "Họ và tên", "Giới tính", "Năm sinh", "Số điện thoại",
					"Vai trò trong tổ", "Thuộc thành phần", "Ngày tham gia"),
					List.of(villageCode, name, "Nữ", "1985", "0987000102", "Thành viên", "Khác", "05/03/2024"));
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			if (formula) {
				sheet.getRow(1).getCell(1).setCellFormula("HYPERLINK(\"http://x\",\"" + name + "\")");
			}
			workbook.write(out);
			return new MockMultipartFile("file", "danh-sach.xlsx", "application/octet-stream", out.toByteArray());
		}
	}

	/** Uploads a roster file and imports it from the mapping step, which must show the field given. */
	void importRoster(MockMultipartFile file, String field) throws Exception {
		MvcResult uploaded = mvc.perform(multipart(commune.url() + "/roster-import").file(file).with(csrf())
			.with(as("commune"))).andReturn();
		Element form = check("commune", "roster mapping " + field, uploaded, field).selectFirst("form.mapping");
		assertThat(form).as("the mapping step of " + field).isNotNull();
		MockHttpServletRequestBuilder request = post(form.attr("action")).param("action", "IMPORT");
		for (Element input : form.select("input[name], select[name]")) {
			Element selected = input.selectFirst("option[selected]");
			String value = !input.tagName().equals("select") ? input.val()
					: selected != null ? selected.val() : input.select("option").first().val();
			if (!input.attr("name").equals("_csrf")) {
				request.param(input.attr("name"), value);
			}
		}
		send(request, "commune");
	}

	/** Two sheets, one named with markup, with a header of markup beside the roster's. */
	MockMultipartFile rosterWorkbookWithHostileNames() throws IOException {
		typed.put("roster workbook: sheet", IMG);
		String header = hostile("roster workbook: header", "@SUM(A1)");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.createSheet("Ghi chú");
			Sheet sheet = workbook.createSheet(IMG);
			List<List<String>> rows = List.of(List.of("Thôn", "Họ và tên", "Giới tính", "Số điện thoại", header),
					List.of(village.code(), "Nguyễn Văn Cường", "Nam", "0987000103", "x"));
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return new MockMultipartFile("file", "danh-sach.xlsx", "application/octet-stream", out.toByteArray());
		}
	}

	MockMultipartFile rosterFile(String villageCode, String name, String phone) {
		String csv = Stream.of(List.of("Mã thôn", "Họ và tên", "Giới tính", "Năm sinh", "Số điện thoại", "Vai trò trong tổ",
				"Thuộc thành phần", "Ngày tham gia"),
				List.of(villageCode, name, "Nam", "1980", phone, "Thành viên", "Khác", "05/03/2024"))
			.map(row -> row.stream().map(cell -> '"' + cell.replace("\"", "\"\"") + '"').collect(Collectors.joining(";")))
			.collect(Collectors.joining("\r\n"));
		return new MockMultipartFile("file", "danh-sach.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
	}

	String chatLink() {
		// https:// and no spaces is all the field takes, which is enough to try to leave the attribute
		String value = "https://x/?\"><script>alert(1)</script>";
		typed.put("TeamForm.chatLink", value);
		return value;
	}

	long newMember() {
		return id("SELECT id FROM team_member WHERE full_name = ?", typed.get("MemberForm.fullName"));
	}

	String version(String table, long unit) {
		String column = table.equals("village_report") ? "village_id" : "commune_id";
		return String.valueOf(id("SELECT version FROM " + table + " WHERE " + column + " = ? AND period = ?", unit,
				MONTH.atDay(1)));
	}

	// ---- checks ----

	/** Anything of a payload on a page that a browser would run or load. */
	static List<String> unsafe(String html) {
		List<String> found = new ArrayList<>();
		if (html.contains(SCRIPT) || html.contains("<img src=x onerror")) {
			found.add("raw payload");
		}
		Document page = Jsoup.parse(html);
		for (Element element : page.getAllElements()) {
			// the portal's own scripts are files it serves; it has no inline script (TemplateSafetyTests)
			if (element.tagName().equals("script") && !element.attr("src").startsWith("/")) {
				found.add(element.outerHtml());
			}
			if (element.tagName().equals("img") && element.attr("src").equals("x")) {
				found.add(element.outerHtml());
			}
			if (Set.of("iframe", "object", "embed", "base").contains(element.tagName())) {
				found.add(element.outerHtml());
			}
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				if (name.startsWith("on")) {
					found.add(attribute + " on <" + element.tagName() + ">");
				}
				if (Set.of("href", "src", "action", "formaction").contains(name)
						&& attribute.getValue().strip().toLowerCase(Locale.ROOT).matches("(javascript|data|vbscript):.*")) {
					found.add(attribute + " on <" + element.tagName() + ">");
				}
			}
		}
		return found;
	}

	/** The fields whose whole value the page shows, as text, as a form's value or as a link. */
	Set<String> shown(Document page) {
		String text = page.text();
		List<String> values = new ArrayList<>();
		page.select("input, textarea").forEach(input -> values.add(input.val()));
		page.select("a[href]").forEach(a -> values.add(a.attr("href")));
		Set<String> fields = new TreeSet<>();
		typed.forEach((field, value) -> {
			if (text.contains(value) || values.stream().anyMatch(v -> v.contains(value))) {
				fields.add(field);
			}
		});
		return fields;
	}

	/** The page, which must be inert and show at least the fields given. */
	Document check(String username, String url, String... fields) throws Exception {
		return check(username, url, mvc.perform(MockMvcRequestBuilders.get(url).with(as(username))).andReturn(), fields);
	}

	Document check(String username, String url, MvcResult result, String... fields) throws Exception {
		MockHttpServletResponse response = result.getResponse();
		String where = username + " " + url;
		if (response.getStatus() != 200 && response.getStatus() != 409 && response.getStatus() != 422) {
			problems.add(where + ": status " + response.getStatus());
			return new Document("");
		}
		String html = response.getContentAsString();
		unsafe(html).forEach(problem -> problems.add(where + ": " + problem));
		Document page = Jsoup.parse(html);
		Set<String> shown = shown(page);
		seen.addAll(shown);
		for (String field : fields) {
			if (!shown.contains(field)) {
				problems.add(where + ": does not show " + field);
			}
		}
		return page;
	}

	/** A refused form: shown again, inert, with what was typed in the field. */
	void refused(String username, String url, AbstractMockHttpServletRequestBuilder<?> request, String field,
			String value) throws Exception {
		MvcResult result = mvc.perform(request.with(csrf()).with(as(username))).andReturn();
		Document page = check(username, "refused " + url, result);
		if (page.select("input, textarea").stream().noneMatch(input -> input.val().equals(value))) {
			problems.add(username + " refused " + url + ": does not keep " + field);
		}
	}

	@Test
	void everyPageShowsHostileTextAsText() throws Exception {
		storeEverywhere();
		long villageTeam = teamOf(village);
		long communeTeam = teamOf(commune);
		long session = id("SELECT max(id) FROM training_session");
		long request = id("SELECT max(id) FROM adhoc_request");
		long obstacle = id("SELECT min(id) FROM obstacle WHERE unit_id = ? AND period = ?", village.id(), MONTH.atDay(1));
		long communeObstacle = id("SELECT min(id) FROM obstacle WHERE unit_id = ? AND period = ?", commune.id(),
				MONTH.atDay(1));
		long steering = id("SELECT max(id) FROM steering_member");
		long indicator = id("SELECT id FROM indicator WHERE code = '-ZZ9'");
		long commendation = id("SELECT id FROM commendation WHERE form_key = 'hostile-7'");
		long member = newMember();
		long head = id("SELECT id FROM team_member WHERE full_name = ?", typed.get("MemberForm.fullName#head"));
		String month = "?month=" + MONTH;
		String year = "?year=" + MONTH.getYear();
		String units = "UnitForm.name";
		String villageName = "UnitForm.name#village";
		String nameVi = "IndicatorForm.nameVi";
		String headName = "MemberForm.fullName#head";

		check("district", "/", units);
		check("district", district.url() + "/dashboard" + month, units, villageName, nameVi, headName);
		check("district", district.url() + "/dashboard" + month + "&lang=en", units, villageName, "IndicatorForm.nameEn",
				headName);
		check("district", commune.url() + "/dashboard" + month, units, villageName, nameVi, headName);
		check("district", district.url() + "/dashboard/trends" + month, nameVi, "IndicatorForm.unitVi");
		check("district", district.url() + "/dashboard/trends" + month + "&lang=en", "IndicatorForm.nameEn",
				"IndicatorForm.unitEn");
		// the text for a group names villages, not their heads (issue #12)
		check("district", district.url() + "/dashboard/text" + month, units, villageName);
		check("district", commune.url() + "/dashboard/text" + month, units, villageName);
		check("district", "/accounts", "AccountForm.fullName", units);
		// the village head's account, found by its username: other tests' accounts may push it past the first page
		check("district", "/accounts?q=village", villageName);
		check("district", district.url(), units);
		check("district", commune.url(), units, villageName);
		check("district", village.url(), units, villageName);
		check("district", commune.url() + "/edit", units);
		check("district", village.url() + "/edit", villageName);
		check("district", "/units/search?q=tu+ky");
		check("district", "/indicators", nameVi, "IndicatorForm.descriptionVi", "IndicatorForm.unitVi");
		check("district", "/indicators?lang=en", "IndicatorForm.nameEn", "IndicatorForm.descriptionEn",
				"IndicatorForm.unitEn");
		check("district", "/indicators/" + indicator + "/edit", nameVi, "IndicatorForm.nameEn",
				"IndicatorForm.descriptionVi", "IndicatorForm.descriptionEn", "IndicatorForm.unitVi", "IndicatorForm.unitEn",
				"IndicatorForm.source");
		check("district", district.url() + "/targets", nameVi, "IndicatorForm.unitVi", units);
		check("district", commune.url() + "/targets", nameVi, "IndicatorForm.unitVi", units, villageName);
		check("district", village.url() + "/targets", nameVi, villageName);
		check("district", district.url() + "/reports/" + MONTH, units);
		check("district", commune.url() + "/reports/" + MONTH, "CommuneReportForm.narrative", "CommuneReportForm.obstacles",
				"CommuneReportForm.proposals", "return commune report", nameVi, headName, units, villageName);
		check("district", district.url() + "/report-settings", "ReportSettingsForm.superior", "ReportSettingsForm.issuer",
				"ReportSettingsForm.place", "ReportSettingsForm.authority", "ReportSettingsForm.signerTitle",
				"ReportSettingsForm.signerName");
		check("commune", commune.url() + "/report-settings", "ReportSettingsForm.issuer#commune",
				"ReportSettingsForm.place#commune", "ReportSettingsForm.signerName#commune");
		check("district", village.url() + "/reports", villageName);
		check("district", village.url() + "/reports/" + MONTH, nameVi, villageName, "VillageReportForm.explanations",
				"VillageReportForm.obstacles", "VillageReportForm.obstacles#2", "VillageReportForm.proposals");
		check("district", "/obstacles", "CommuneReportForm.obstacles", "VillageReportForm.obstacles",
				"VillageReportForm.obstacles#2", units, villageName);
		check("district", "/obstacles/" + obstacle, "AccountForm.fullName", "VillageReportForm.obstacles",
				"obstacle answer", villageName);
		check("district", "/obstacles/" + communeObstacle, "AccountForm.fullName", "CommuneReportForm.obstacles",
				"obstacle answer");
		check("district", village.url() + "/reports/" + MONTH + "?lang=en", "IndicatorForm.nameEn");
		check("district", commune.url() + "/reports/" + MONTH + "?lang=en", "IndicatorForm.nameEn");
		check("district", commune.url() + "/targets?lang=en", "IndicatorForm.nameEn", "IndicatorForm.unitEn");
		check("district", "/requests/" + request + "?lang=en", "IndicatorForm.nameEn");
		check("district", "/requests", "AdhocRequestForm.title");
		check("district", "/requests/" + request, "AccountForm.fullName", "AdhocRequestForm.title",
				"AdhocRequestForm.questions", nameVi, units);
		check("district", "/requests/" + request + "/answers/" + commune.id(), "AdhocAnswerForm.answers",
				"AdhocRequestForm.title", nameVi, units);
		check("district", "/training", "TrainingSessionForm.organiser", units);
		check("district", "/training/sessions/" + session, "MemberForm.fullName", "TeamForm.name", "TeamForm.name#village",
				"TrainingSessionForm.organiser", "TrainingSessionForm.place");
		check("district", "/training/sessions/" + session + "/edit", "TrainingSessionForm.organiser",
				"TrainingSessionForm.place");
		check("district", "/members/" + member + "/training", "MemberForm.fullName", "TeamForm.name#village",
				"TrainingSessionForm.organiser", "TrainingSessionForm.place");
		check("district", commune.url() + "/training", "TeamForm.name", "TeamForm.name#village", units);
		check("district", district.url() + "/training", units);
		check("district", "/commendations", "AccountForm.fullName", "CommendationForm.period",
				"CommendationForm.period#member", "CommendationForm.reason", "CommendationForm.reason#member",
				"DecisionForm.note", "MemberForm.fullName", "TeamForm.name", "TeamForm.name#village", units);
		check("district", "/commendations/" + commendation + "/decide", "CommendationForm.period",
				"CommendationForm.reason", "TeamForm.name#village");
		check("district", "/teams/" + villageTeam + "/plans/" + MONTH.getYear(), "PlanItemForm.activity",
				"PlanItemForm.personInCharge", "TeamForm.name#village", "plan file name");
		check("district", commune.url() + "/plans" + year, "TeamForm.name", "TeamForm.name#village", units);
		check("district", district.url() + "/plans" + year, "TeamForm.name", "TeamForm.name#village", units);
		check("district", district.url() + "/teams", units);
		check("district", commune.url() + "/teams", headName, "TeamForm.name", units, villageName);
		check("district", village.url() + "/teams", "TeamForm.name#village", villageName);
		check("district", "/teams/search?q=tu+ky");
		check("district", "/teams/" + villageTeam, "MemberForm.fullName", "TeamForm.decisionNumber#village",
				"TeamForm.name#village", villageName);
		check("district", "/teams/" + communeTeam, "TeamForm.chatLink", "TeamForm.chatName", "TeamForm.decisionNumber",
				"TeamForm.decisionSigner", "TeamForm.name", units);
		check("district", "/teams/" + teamOf(this.units.openChildren(commune.id()).get(2)), "roster file: full name");
		check("district", "/teams/" + teamOf(this.units.openChildren(commune.id()).get(3)), "roster workbook: full name");
		if (!check("district", "/teams/" + teamOf(otherVillage), headName).select(".roster-status").text()
			.contains("(" + typed.get(headName) + ")")) {
			problems.add("the roster's problem does not name its leader");
		}
		check("commune", village.url() + "/close", villageName);
		check("admin", "/");
		check("district", "/teams/" + villageTeam + "/history", "MemberForm.fullName", "TeamForm.decisionNumber#village",
				"TeamForm.name#village");
		check("district", "/teams/" + communeTeam + "/history", "TeamForm.chatLink", "TeamForm.chatName",
				"TeamForm.decisionNumber", "TeamForm.decisionSigner", "TeamForm.name");
		check("district", "/steering", "SteeringMemberForm.agency", "SteeringMemberForm.fullName",
				"SteeringMemberForm.position", units);
		check("district", "/steering/" + steering + "/edit", "SteeringMemberForm.agency", "SteeringMemberForm.fullName",
				"SteeringMemberForm.position", units);
		check("district", "/steering/" + steering + "/leave", "SteeringMemberForm.fullName");

		check("commune", "/", headName, units, villageName);
		check("commune", commune.url() + "/dashboard" + month, nameVi, headName, units, villageName);
		check("commune", commune.url() + "/dashboard/trends" + month, nameVi, "IndicatorForm.unitVi", units);
		check("commune", commune.url() + "/reports/" + MONTH, "CommuneReportForm.narrative", "CommuneReportForm.obstacles",
				"return commune report");
		check("commune", village.url() + "/reports/" + MONTH, "VillageReportForm.explanations",
				"VillageReportForm.obstacles", "VillageReportForm.proposals");
		check("commune", "/teams/" + villageTeam + "/plans/" + MONTH.getYear() + "/edit", "PlanItemForm.activity",
				"PlanItemForm.personInCharge", "TeamForm.name#village");
		check("commune", "/requests/" + request, "AdhocAnswerForm.answers", "AdhocRequestForm.questions",
				"AdhocRequestForm.title");
		check("commune", "/commendations", "CommendationForm.reason", "DecisionForm.note");
		check("commune", "/teams/" + villageTeam + "/edit", "TeamForm.decisionNumber#village", "TeamForm.name#village");
		check("commune", "/teams/" + communeTeam + "/edit", "TeamForm.chatLink", "TeamForm.chatName",
				"TeamForm.decisionNumber", "TeamForm.decisionSigner", "TeamForm.name");
		check("commune", "/members/" + member + "/edit", "MemberForm.fullName");
		check("commune", "/members/" + head + "/edit", headName);
		check("commune", "/members/" + member + "/remove", "MemberForm.fullName");
		check("commune", "/teams/" + villageTeam + "/dissolve", "TeamForm.name#village");
		check("commune", "/commendations/new?member=" + member, "MemberForm.fullName");
		check("commune", commune.url() + "/roster-import", units);
		check("commune", village.url() + "/teams/new", villageName);
		check("commune", commune.url() + "/new", units);
		check("commune", "/teams/" + villageTeam + "/members/new", "TeamForm.name#village");
		check("commune", "/commendations/new?team=" + villageTeam, "TeamForm.name#village");
		check("district", "/requests/new", units, nameVi);
		check("district", "/steering/new", units);
		check("district", "/training/sessions/new");
		check("admin", "/accounts/new", units);
		check("admin", "/accounts", "AccountForm.fullName");

		check("village", "/", villageName);
		check("village", village.url() + "/reports", villageName);
		check("village", village.url() + "/reports/" + MONTH, "VillageReportForm.explanations",
				"VillageReportForm.obstacles", "VillageReportForm.proposals");
		check("village", "/teams/" + villageTeam, "MemberForm.fullName", "TeamForm.name#village");
		check("village", village.url() + "/targets", nameVi);
		check("village", "/obstacles", "VillageReportForm.obstacles");
		check("village", "/obstacles/" + obstacle, "AccountForm.fullName", "obstacle answer");

		check("steering", "/", units);
		check("steering", "/steering/mine", units);
		check("steering", commune.url() + "/dashboard" + month, headName, units);
		check("steering", "/obstacles/" + obstacle, "AccountForm.fullName", "obstacle answer");

		// a stale edit is refused with the user's input kept, as text
		long version = id("SELECT version FROM team_member WHERE id = ?", member);
		resend("/members/" + member + "/edit", "commune", Map.of("fullName", typed.get("MemberForm.fullName") + " 2"));
		refused("commune", "/members/" + member + "/edit", formRequest("/members/" + member + "/edit", "commune",
				Map.of("fullName", typed.get("MemberForm.fullName"), "version", String.valueOf(version))),
				"MemberForm.fullName", typed.get("MemberForm.fullName"));

		// searches find hostile names and list them as text
		check("district", "/units/search?q=" + markOf("UnitForm.name"), units);
		check("district", "/teams/search?q=" + markOf("MemberForm.fullName#head"), headName);

		// what was searched for is shown back in the search box, as typed
		String query = SCRIPT + IMG;
		for (String search : List.of("/units/search", "/teams/search", "/training/sessions/" + session, "/obstacles",
				"/accounts")) {
			MvcResult result = mvc.perform(MockMvcRequestBuilders.get(search).param("q", query).with(as("district")))
				.andReturn();
			if (check("district", search + "?q=", result).select("input[name=q]").stream()
				.noneMatch(box -> box.val().equals(query))) {
				problems.add("district " + search + ": does not keep the query");
			}
		}
		String attendees = "/training/sessions/" + session;
		MvcResult found = mvc.perform(MockMvcRequestBuilders.get(attendees).param("attendee", query).with(as("district")))
			.andReturn();
		if (check("district", attendees + "?attendee=", found).select("input[name=attendee]").stream()
			.noneMatch(box -> box.val().equals(query))) {
			problems.add("district " + attendees + ": does not keep the attendee searched for");
		}

		assertThat(problems).isEmpty();
		assertThat(seen).as("fields some page shows").containsAll(typed.keySet());
	}

	@Test
	void everyExportKeepsHostileTextAsInertText() throws Exception {
		storeEverywhere();
		String quarter = "?quarter=2030-Q1";
		long root = units.root().id();
		Map<String, String> files = new LinkedHashMap<>();
		files.put(commune.url() + "/roster.xlsx", "commune");
		files.put(district.url() + "/roster.xlsx", "district");
		files.put("/commendations.xlsx", "district");
		files.put(district.url() + "/summary.xlsx" + quarter, "district");
		files.put(commune.url() + "/summary.xlsx" + quarter, "commune");
		files.put("/provinces/" + root + "/summary.xlsx" + quarter, "admin");
		files.put(district.url() + "/summary.csv" + quarter, "district");
		files.put(commune.url() + "/summary.csv" + quarter, "commune");
		files.put("/provinces/" + root + "/summary.csv" + quarter, "admin");
		files.put(district.url() + "/summary.pdf" + quarter, "district");
		files.put(commune.url() + "/summary.pdf" + quarter, "commune");
		files.put("/provinces/" + root + "/summary.pdf" + quarter, "admin");
		files.put(district.url() + "/summary.docx" + quarter, "district");
		files.put(commune.url() + "/summary.docx" + quarter, "commune");
		files.put("/provinces/" + root + "/summary.docx" + quarter, "admin");
		files.put("/roster-import/template.xlsx", "commune");
		files.put("/roster-import/template.csv", "commune");
		Map<String, List<String>> texts = new LinkedHashMap<>();
		for (var file : files.entrySet()) {
			MockHttpServletResponse response = get(file.getKey(), file.getValue());
			byte[] content = response.getContentAsByteArray();
			String url = file.getKey();
			ContentDisposition disposition = ContentDisposition.parse(response.getHeader("Content-Disposition"));
			// a name from a hostile unit name stays one name, in one header
			if (!disposition.isAttachment() || disposition.getFilename() == null
					|| disposition.getFilename().matches("(?s).*[\\\\/\\r\\n].*")) {
				problems.add(url + ": " + response.getHeader("Content-Disposition"));
			}
			if (response.getContentType() == null || response.getContentType().startsWith("text/html")) {
				problems.add(url + ": " + response.getContentType());
			}
			List<String> cells = url.contains(".xlsx") ? xlsxCells(url, content)
					: url.contains(".csv") ? csvCells(content)
							: url.contains(".docx") ? List.of(docxText(url, content)) : List.of(pdfText(url, content));
			if (!url.contains(".pdf") && !url.contains(".docx")) {
				cells.stream()
					.filter(text -> !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0)
					.forEach(text -> problems.add(url + ": a cell a spreadsheet would run: " + text));
			}
			texts.put(url, cells);
		}

		String unitName = typed.get("UnitForm.name");
		String villageName = typed.get("UnitForm.name#village");
		expectCells(texts.get(commune.url() + "/roster.xlsx"), "'" + typed.get("MemberForm.fullName"),
				"'" + typed.get("MemberForm.fullName#head"), "'" + typed.get("roster file: full name"),
				"'" + typed.get("roster workbook: full name"),
				"'" + typed.get("TeamForm.name"), "'" + typed.get("TeamForm.name#village"), "'-1107401",
				"Thị trấn " + unitName, "Khu dân cư " + villageName);
		if (texts.get(commune.url() + "/roster.xlsx").stream()
			.noneMatch(text -> text.contains("(" + typed.get("MemberForm.fullName#head") + ")"))) {
			problems.add("the roster file does not name the leader in the team's problem");
		}
		expectCells(texts.get(district.url() + "/roster.xlsx"), "'" + typed.get("MemberForm.fullName"),
				"'" + typed.get("TeamForm.name"), "Thị trấn " + unitName);
		expectCells(texts.get("/commendations.xlsx"), "'" + typed.get("CommendationForm.reason"),
				"'" + typed.get("CommendationForm.reason#member"), "'" + typed.get("CommendationForm.period"),
				"'" + typed.get("CommendationForm.period#member"), "'" + typed.get("DecisionForm.note"),
				"'" + typed.get("MemberForm.fullName"), "'" + typed.get("TeamForm.name#village"),
				"'" + typed.get("AccountForm.fullName"), "'" + unitName);
		// the appendices: a line per commune and indicator; the issuer in the line under each heading
		for (String summary : List.of(district.url() + "/summary.xlsx" + quarter, commune.url() + "/summary.xlsx" + quarter,
				"/provinces/" + root + "/summary.xlsx" + quarter)) {
			expectCells(texts.get(summary), "Thị trấn " + unitName, "'-ZZ9",
					"'" + typed.get("IndicatorForm.nameVi") + " (" + typed.get("IndicatorForm.unitVi") + ")");
		}
		expectCellWith(texts.get(district.url() + "/summary.xlsx" + quarter), typed.get("ReportSettingsForm.issuer"));
		expectCellWith(texts.get(commune.url() + "/summary.xlsx" + quarter), typed.get("ReportSettingsForm.issuer#commune"));
		for (String summary : List.of(district.url() + "/summary.csv" + quarter, commune.url() + "/summary.csv" + quarter,
				"/provinces/" + root + "/summary.csv" + quarter)) {
			expectCells(texts.get(summary), "Thị trấn " + unitName, "Khu dân cư " + villageName, "'-1107401", "'-ZZ9");
		}
		// the documents: everything typed that they say, as it was typed (the issuing and signing lines in capitals)
		List<String> said = List.of("UnitForm.name", "UnitForm.name#village", "IndicatorForm.nameVi",
				"IndicatorForm.unitVi", "VillageReportForm.obstacles", "VillageReportForm.obstacles#2",
				"VillageReportForm.proposals", "CommuneReportForm.obstacles", "obstacle answer", "AccountForm.fullName",
				"TrainingSessionForm.place");
		for (String format : List.of(".pdf", ".docx")) {
			Map<String, String> documents = Map.of(district.url() + "/summary" + format + quarter, "",
					commune.url() + "/summary" + format + quarter, "#commune");
			for (var document : documents.entrySet()) {
				// a table cell breaks lines where it likes: compared without white space
				String text = texts.get(document.getKey()).get(0).replaceAll("\\s", "");
				String suffix = document.getValue();
				List<String> fields = new ArrayList<>(said);
				fields.addAll(List.of("ReportSettingsForm.place" + suffix, "ReportSettingsForm.signerName" + suffix,
						"ReportSettingsForm.recipients" + suffix, "ReportSettingsForm.recipients#2" + suffix));
				for (String field : fields) {
					if (!text.contains(typed.get(field).replaceAll("\\s", ""))) {
						problems.add(document.getKey() + ": does not show " + field);
					}
				}
				for (String field : List.of("ReportSettingsForm.issuer" + suffix, "ReportSettingsForm.authority" + suffix,
						"ReportSettingsForm.signerTitle" + suffix)) {
					if (!text.contains(typed.get(field).toUpperCase(Locale.forLanguageTag("vi")).replaceAll("\\s", ""))) {
						problems.add(document.getKey() + ": does not show " + field);
					}
				}
			}
		}
		String superior = typed.get("ReportSettingsForm.superior").toUpperCase(Locale.forLanguageTag("vi"));
		if (!texts.get(district.url() + "/summary.docx" + quarter).get(0).contains(superior)) {
			problems.add("the district's DOCX does not show its superior body");
		}

		// the plan's file is always a download, under a name that is only a name
		MockHttpServletResponse file = get("/teams/" + teamOf(village) + "/plans/" + MONTH.getYear() + "/file", "commune");
		assertThat(file.getContentType()).isEqualTo("application/pdf");
		assertThat(file.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(ContentDisposition.parse(file.getHeader("Content-Disposition"))).satisfies(disposition -> {
			assertThat(disposition.isAttachment()).isTrue();
			assertThat(disposition.getFilename()).isEqualTo(typed.get("plan file name"));
		});

		assertThat(problems).isEmpty();
	}

	/**
	 * A reorganisation's decision, new units and names, and the rows of an imported file, typed or uploaded
	 * hostile: the draft pages, the list, the import's pages and the search that says what became of a unit show
	 * them as text.
	 */
	@Test
	void reorganisationTextsStayTextOnEveryPageThatShowsThem() throws Exception {
		UnitSummary merged = units.findOpen(UnitLevel.COMMUNE, "11149").orElseThrow();
		UnitSummary renamed = units.findOpen(UnitLevel.COMMUNE, "11083").orElseThrow();
		send(post("/reorganisations/new").param("number", hostileShort("ReorganisationBasisForm.number", "=1+1", SCRIPT))
			.param("date", "2030-03-01")
			.param("signer", hostile("ReorganisationBasisForm.signer", "@SUM(A1)"))
			.param("effectiveOn", "2030-04-01"), "district");
		long draft = id("SELECT max(id) FROM reorganisation");
		String page = "/reorganisations/" + draft;
		send(post(page + "/merge").param("version", "0")
			.param("level", "COMMUNE")
			.param("units", String.valueOf(merged.id()))
			.param("newKind", "XA")
			.param("newCode", "99999")
			.param("newName", hostile("MergeStepForm.newName", "+1"))
			.param("newParent", String.valueOf(district.id())), "district");
		send(post(page + "/rename").param("version", "1")
			.param("unit", String.valueOf(renamed.id()))
			.param("newName", hostile("RenameStepForm.newName", "-1+2")), "district");
		check("district", page, "ReorganisationBasisForm.number", "ReorganisationBasisForm.signer", "MergeStepForm.newName",
				"RenameStepForm.newName");
		check("district", "/reorganisations", "ReorganisationBasisForm.number", "ReorganisationBasisForm.signer");
		refused("district", page, post(page + "/basis").param("version", "0")
			.param("number", typed.get("ReorganisationBasisForm.number"))
			.param("date", "2030-03-01")
			.param("signer", typed.get("ReorganisationBasisForm.signer"))
			.param("effectiveOn", "2030-04-01"), "ReorganisationBasisForm.number", typed.get("ReorganisationBasisForm.number"));
		send(post(page + "/record").param("version", "2"), "district");
		check("district", page, "ReorganisationBasisForm.number", "MergeStepForm.newName", "RenameStepForm.newName");
		check("district", "/units/search?q=" + SearchText.fold(merged.name()), "MergeStepForm.newName");
		check("district", merged.url(), "MergeStepForm.newName");

		// a file whose basis and new name are hostile, and one whose kind is
		UnitSummary kept = units.findOpen(UnitLevel.COMMUNE, "11152").orElseThrow();
		String basis = hostile("reorganisation file: basis", "=HYPERLINK(\"http://x\")");
		String newName = hostile("reorganisation file: new name", "@SUM(A1)");
		String file = "effective_from,basis,old_code,old_kind,old_name,new_code,new_kind,new_name,share,confidence\n"
				+ String.join(",", "2030-05-01", csv(basis), "11152", "XA", kept.name(), "11152", "XA", csv(newName), "whole",
						"inferred");
		typed.put("ReorganisationImportForm.content", file);
		MvcResult chosen = mvc.perform(multipart("/reorganisations/import")
			.file(new MockMultipartFile("file", IMG + ".csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(as("district"))).andReturn();
		Document choose = check("district", "import: choose", chosen, "reorganisation file: basis",
				"reorganisation file: new name", "ReorganisationImportForm.content");
		send(post("/reorganisations/import/draft").param("content", choose.getElementById("import-content").val())
			.param("round", "2030-05-01")
			.param("parentId", String.valueOf(district.id()))
			.param("number", hostileShort("ReorganisationImportForm.number", "+1", IMG))
			.param("basisDate", "2030-04-02")
			.param("signer", hostile("ReorganisationImportForm.signer", "-1+2")), "district");
		check("district", "/reorganisations/" + id("SELECT max(id) FROM reorganisation"), "ReorganisationImportForm.number",
				"ReorganisationImportForm.signer", "reorganisation file: new name");
		String badKind = file.replace(",XA," + csv(newName), "," + csv(SCRIPT) + "," + csv(newName));
		MvcResult refusedFile = mvc.perform(multipart("/reorganisations/import")
			.file(new MockMultipartFile("file", "bad.csv", "text/csv", badKind.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(as("district"))).andReturn();
		if (!check("district", "import: refused", refusedFile).select("#file-problems tbody").text().contains(SCRIPT)) {
			problems.add("the refused reorganisation file does not list the bad cell");
		}
		assertThat(problems).isEmpty();
		assertThat(seen).containsAll(typed.keySet());
	}

	static String csv(String cell) {
		return '"' + cell.replace("\"", "\"\"") + '"';
	}

	/** Through the real server, where the error pages are rendered: a hostile address comes back inert. */
	@Test
	void errorPagesShowHostileAddressesAsText() throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		String token = Jsoup.parse(client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body()).selectFirst("input[name=_csrf]").attr("value");
		client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=district&password=demo1234&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		String script = URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8);
		String img = URLEncoder.encode(IMG, StandardCharsets.UTF_8);
		List<String> statuses = new ArrayList<>();
		// in a path, the markup without a slash: Tomcat itself refuses an encoded one before the portal sees it
		for (String path : List.of("/teams/" + img, "/nowhere/" + img + "?x=" + script,
				district.url() + "/dashboard?month=" + script, village.url() + "/reports/" + img,
				"/obstacles?status=" + script, district.url() + "/summary.xlsx?quarter=" + img,
				"/test/failure?x=" + script + "&lang=" + img)) {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
			statuses.add(response.statusCode() + " " + path);
			unsafe(response.body()).forEach(problem -> problems.add(path + ": " + problem));
		}
		assertThat(statuses).as("every address is refused").noneMatch(status -> status.startsWith("200"));
		assertThat(problems).isEmpty();
	}

	/** Every cell's text; a formula cell is a problem whatever it holds. */
	List<String> xlsxCells(String url, byte[] content) throws IOException {
		List<String> cells = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.FORMULA) {
							problems.add(url + ": formula cell " + cell.getAddress() + " " + cell.getCellFormula());
						}
						else if (cell.getCellType() == CellType.STRING) {
							cells.add(cell.getStringCellValue());
						}
					}
				}
			}
		}
		return cells;
	}

	/** The cells of a CSV file: UTF-8, or UTF-16 with tabs as the roster template is. */
	static List<String> csvCells(byte[] content) throws IOException {
		boolean utf16 = content.length > 1 && content[0] == (byte) 0xFF && content[1] == (byte) 0xFE;
		String text = utf16 ? new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE)
				: new String(content, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
		String first = text.lines().findFirst().orElse("");
		char delimiter = first.contains("\t") ? '\t' : first.contains(";") ? ';' : ',';
		List<String> cells = new ArrayList<>();
		for (CSVRecord record : CSVFormat.EXCEL.builder().setDelimiter(delimiter).get().parse(new StringReader(text))) {
			record.forEach(cells::add);
		}
		return cells;
	}

	/** The PDF's text; a PDF that could run or open anything (script, link, action, attachment) is a problem. */
	String pdfText(String url, byte[] content) throws IOException {
		try (PDDocument pdf = Loader.loadPDF(content)) {
			PDDocumentCatalog catalog = pdf.getDocumentCatalog();
			if (catalog.getOpenAction() != null || catalog.getNames() != null || catalog.getAcroForm() != null) {
				problems.add(url + ": an action, names or a form in the PDF");
			}
			for (PDPage page : pdf.getPages()) {
				if (!page.getAnnotations().isEmpty()) {
					problems.add(url + ": annotations " + page.getAnnotations());
				}
			}
			// in the order written, which keeps each table cell's lines together
			return new PDFTextStripper().getText(pdf);
		}
	}

	/**
	 * The DOCX's text, its tables' and headers' too; a DOCX whose text would be more than text (a field other
	 * than the page number, a link, an embedded object, a macro) is a problem.
	 */
	String docxText(String url, byte[] content) throws Exception {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
			String xml = document.getDocument().xmlText();
			for (String part : List.of("<w:hyperlink", "w:instrText", "<w:object", "<w:altChunk", "<w:fldChar")) {
				if (xml.contains(part)) {
					problems.add(url + ": " + part + " in the document");
				}
			}
			// the part as the portal wrote it, parsed: every element is WordprocessingML's, the payloads only text
			org.w3c.dom.NodeList elements = documentPart(content).getElementsByTagNameNS("*", "*");
			for (int i = 0; i < elements.getLength(); i++) {
				String namespace = elements.item(i).getNamespaceURI();
				if (namespace == null || !namespace.startsWith("http://schemas.openxmlformats.org/")) {
					problems.add(url + ": an element " + elements.item(i).getNodeName() + " in the document");
				}
			}
			if (!document.getAllPictures().isEmpty() || !document.getAllEmbeddedParts().isEmpty()) {
				problems.add(url + ": pictures or embedded parts");
			}
			document.getHeaderList().forEach(header -> header.getParagraphs().forEach(p -> p.getCTP().getFldSimpleList()
				.stream()
				.filter(field -> !field.getInstr().strip().equals("PAGE"))
				.forEach(field -> problems.add(url + ": field " + field.getInstr()))));
			if (!document.getDocument().getBody().getPList().stream().allMatch(p -> p.getFldSimpleList().isEmpty())) {
				problems.add(url + ": a field in the body");
			}
			StringBuilder text = new StringBuilder();
			try (XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
				text.append(extractor.getText());
			}
			return text.toString();
		}
	}

	static org.w3c.dom.Document documentPart(byte[] docx) throws Exception {
		try (ZipInputStream parts = new ZipInputStream(new ByteArrayInputStream(docx))) {
			for (ZipEntry part = parts.getNextEntry(); part != null; part = parts.getNextEntry()) {
				if (part.getName().equals("word/document.xml")) {
					DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
					factory.setNamespaceAware(true);
					factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
					return factory.newDocumentBuilder().parse(new ByteArrayInputStream(parts.readAllBytes()));
				}
			}
		}
		throw new AssertionError("no word/document.xml");
	}

	void expectCellWith(List<String> cells, String part) {
		if (cells.stream().noneMatch(cell -> cell.contains(part))) {
			problems.add("no cell with " + part);
		}
	}

	void expectCells(List<String> cells, String... expected) {
		for (String text : expected) {
			if (!cells.contains(text)) {
				problems.add("no cell " + text + " among " + cells.stream().filter(c -> c.contains("#f")).toList());
			}
		}
	}

	// ---- the guard ----

	@Test
	void everyFreeTextFieldOfEveryFormIsCovered() throws Exception {
		Set<String> found = new TreeSet<>();
		for (Class<?> form : classes("*Form")) {
			for (Field field : form.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers()) && holdsText(field.getGenericType())) {
					found.add(form.getSimpleName() + "." + field.getName());
				}
			}
		}
		assertThat(found).as("String properties of the forms").isNotEmpty();
		Set<String> unaccounted = new TreeSet<>(found);
		unaccounted.removeAll(COVERED);
		unaccounted.removeAll(NOT_FREE_TEXT.keySet());
		assertThat(unaccounted).as("free-text fields no test fills with hostile text").isEmpty();
		Set<String> gone = new TreeSet<>(COVERED);
		gone.addAll(NOT_FREE_TEXT.keySet());
		gone.removeAll(found);
		assertThat(gone).as("fields listed here that no form has any more").isEmpty();
	}

	/** The same for the text a controller takes outside a form: a new free-text parameter must be filled in too. */
	@Test
	void everyFreeTextRequestParameterIsCovered() throws Exception {
		Set<String> found = new TreeSet<>();
		for (Class<?> controller : classes("*Controller")) {
			for (Method method : controller.getDeclaredMethods()) {
				for (Parameter parameter : method.getParameters()) {
					RequestParam param = parameter.getAnnotation(RequestParam.class);
					if (param != null && holdsText(parameter.getParameterizedType())) {
						String name = !param.name().isEmpty() ? param.name() : parameter.getName();
						found.add(controller.getSimpleName() + "." + method.getName() + "(" + name + ")");
					}
				}
			}
		}
		assertThat(found).as("free-text request parameters")
			.containsExactlyInAnyOrderElementsOf(REQUEST_PARAMETERS.keySet());
	}

	static List<Class<?>> classes(String namePattern) throws Exception {
		List<Class<?>> classes = new ArrayList<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		for (Resource resource : resolver.getResources("classpath*:vn/cnscd/portal/**/" + namePattern + ".class")) {
			String path = resource.getURL().toString();
			classes.add(Class.forName(path.substring(path.indexOf("vn/cnscd/portal/"), path.length() - ".class".length())
				.replace('/', '.')));
		}
		return classes;
	}

	/** Whether a field's type holds text: a String, or a map or collection of them. */
	static boolean holdsText(Type type) {
		if (type == String.class) {
			return true;
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
				&& (Map.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw))) {
			Type[] arguments = parameterized.getActualTypeArguments();
			return holdsText(arguments[arguments.length - 1]);
		}
		return false;
	}

}
