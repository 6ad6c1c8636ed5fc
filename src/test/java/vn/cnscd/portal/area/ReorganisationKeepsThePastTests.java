package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.indicator.IndicatorService;

/**
 * Recording a reorganisation effective on 01/07/2031 ({@link ReorganisationFixture}) changes no figure, page or
 * export of a period that ended before that date: every dashboard, trend, Zalo text, reports list and summary
 * file of January to June 2031 and of the first two quarters is the same, byte for byte but for the form
 * tokens, before and after it is recorded.
 */
@IntegrationTest
@Transactional
class ReorganisationKeepsThePastTests {

	@Autowired
	ReorganisationService reorganisations;

	@Autowired
	UnitService units;

	@Autowired
	IndicatorService indicators;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	ReorganisationFixture fixture;

	@BeforeEach
	void threeCommunesOf2031() {
		fixture = new ReorganisationFixture(reorganisations, units, indicators, jdbc, clock);
	}

	@Test
	void nothingOfTheMonthsBeforeItsDateChanges() throws Exception {
		List<String> addresses = addresses();
		Map<String, String> before = render(addresses);
		fixture.reorganise();
		Map<String, String> after = render(addresses);

		assertThat(before.get(addresses.get(0))).contains("Tứ Kỳ");
		for (String address : addresses) {
			assertThat(after.get(address)).as(address).isEqualTo(before.get(address));
		}
		// and the months after it do change: the district's September no longer counts the moved commune
		String september = "/districts/" + fixture.district.id() + "/dashboard?month=2031-09";
		assertThat(page(september)).doesNotContain(fixture.c.name()).contains("Tân Hợp");
	}

	private List<String> addresses() {
		List<String> addresses = new ArrayList<>();
		String district = "/districts/" + fixture.district.id();
		for (int month = 1; month <= 6; month++) {
			String period = "2031-0" + month;
			addresses.add(district + "/dashboard?month=" + period);
			addresses.add(district + "/dashboard/text?month=" + period);
			addresses.add("/provinces/" + fixture.province.id() + "/dashboard?month=" + period);
			for (UnitSummary commune : List.of(fixture.a, fixture.b, fixture.c)) {
				addresses.add("/communes/" + commune.id() + "/dashboard?month=" + period);
			}
		}
		addresses.add(district + "/dashboard/trends?month=2031-06");
		addresses.add("/communes/" + fixture.c.id() + "/dashboard/trends?month=2031-06");
		for (String quarter : List.of("2031-Q1", "2031-Q2")) {
			addresses.add(district + "/summary.xlsx?quarter=" + quarter);
			addresses.add(district + "/summary.csv?quarter=" + quarter);
			addresses.add("/communes/" + fixture.a.id() + "/summary.xlsx?quarter=" + quarter);
		}
		return addresses;
	}

	private Map<String, String> render(List<String> addresses) throws Exception {
		Map<String, String> rendered = new LinkedHashMap<>();
		for (String address : addresses) {
			rendered.put(address, address.contains(".xlsx") ? workbook(download(address))
					: address.contains(".csv") ? new String(download(address), StandardCharsets.UTF_8) : page(address));
		}
		return rendered;
	}

	/** The page's main content, without the form tokens that differ from one request to the next. */
	private String page(String address) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(address).with(user(users.loadUserByUsername("admin"))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(address).isEqualTo(200);
		Document page = Jsoup.parse(response.getContentAsString());
		page.select("input[name=_csrf]").remove();
		page.select("[data-owner], [data-seal]").removeAttr("data-owner").removeAttr("data-seal");
		return page.select("main").outerHtml();
	}

	private byte[] download(String address) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(address).with(user(users.loadUserByUsername("admin"))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(address).isEqualTo(200);
		return response.getContentAsByteArray();
	}

	/** Every cell of every sheet, as the reader sees it. */
	private static String workbook(byte[] file) throws IOException {
		StringBuilder text = new StringBuilder();
		DataFormatter formatter = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			for (Sheet sheet : workbook) {
				text.append("# ").append(sheet.getSheetName()).append('\n');
				for (Row row : sheet) {
					for (Cell cell : row) {
						text.append(formatter.formatCellValue(cell)).append('|');
					}
					text.append('\n');
				}
			}
		}
		return text.toString();
	}

}
