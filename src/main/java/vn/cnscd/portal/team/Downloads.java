package vn.cnscd.portal.team;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;

import vn.cnscd.portal.area.SearchText;

/** What the roster files are sent as: their type, and a file name every browser and mail client keeps. */
final class Downloads {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private Downloads() {
	}

	/** "Danh sách tổ CNSCĐ Xã Đại Sơn" as "danh-sach-to-cnscd-xa-dai-son.xlsx": ASCII, without diacritics. */
	static String fileName(String title, String extension) {
		return SearchText.fold(title).replace(' ', '-') + "." + extension;
	}

	static String attachment(String fileName) {
		return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
	}

}
