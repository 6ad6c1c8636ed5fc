package vn.cnscd.portal.export;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;

@IntegrationTest
class ScratchRenderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Test
	void render() throws Exception {
		long district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow().id();
		long commune = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow().id();
		Path dir = Path.of("target/scratch");
		Files.createDirectories(dir);
		for (String url : new String[] { "/districts/" + district + "/summary.docx", "/districts/" + district + "/summary.pdf",
				"/districts/" + district + "/summary.xlsx", "/communes/" + commune + "/summary.pdf?year=2026" }) {
			var response = mvc.perform(get(url).with(user(users.loadUserByUsername(url.contains("communes") ? "commune" : "district"))))
				.andExpect(status().isOk()).andReturn().getResponse();
			String name = url.replaceAll("[^a-z0-9.]+", "_");
			Files.write(dir.resolve(name), response.getContentAsByteArray());
			System.out.println("SCRATCH " + url + " " + response.getHeader("Content-Disposition") + " " + response.getContentAsByteArray().length);
			if (url.contains(".pdf")) {
				try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
					System.out.println("SCRATCH pages " + pdf.getNumberOfPages());
					PDFRenderer renderer = new PDFRenderer(pdf);
					for (int i = 0; i < Math.min(pdf.getNumberOfPages(), 12); i++) {
						BufferedImage image = renderer.renderImageWithDPI(i, 60);
						ImageIO.write(image, "png", new File(dir.toFile(), name + "-" + (i + 1) + ".png"));
					}
					Files.writeString(dir.resolve(name + ".txt"), new PDFTextStripper().getText(pdf));
				}
			}
		}
	}

}
