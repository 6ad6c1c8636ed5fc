package vn.cnscd.portal.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The types a plan's file may have, told from its content and never from its name: a PDF by its header, a
 * DOCX or XLSX by being a zip whose [Content_Types].xml declares the main part of that format, and which
 * holds that part. A macro-enabled document declares another main type and is refused with the rest.
 */
enum PlanFileType {

	PDF("application/pdf", "pdf", null, null),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml");

	/** More than any real [Content_Types].xml; a bigger one is not worth inflating. */
	private static final int MAX_CONTENT_TYPES_BYTES = 256 * 1024;

	private static final int MAX_ENTRIES = 10_000;

	private final String mediaType;

	private final String extension;

	private final String mainPartType;

	private final String mainPart;

	PlanFileType(String mediaType, String extension, String mainPartType, String mainPart) {
		this.mediaType = mediaType;
		this.extension = extension;
		this.mainPartType = mainPartType;
		this.mainPart = mainPart;
	}

	String mediaType() {
		return mediaType;
	}

	String extension() {
		return extension;
	}

	static Optional<PlanFileType> detect(byte[] content) {
		if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(PDF);
		}
		if (!startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
			return Optional.empty();
		}
		String contentTypes = null;
		Set<String> names = new HashSet<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			// stops as soon as the type is known: moving past an entry inflates it, so a crafted zip is read no further
			while ((entry = zip.getNextEntry()) != null && names.size() < MAX_ENTRIES) {
				names.add(entry.getName());
				if (entry.getName().equals("[Content_Types].xml")) {
					contentTypes = readAtMost(zip, MAX_CONTENT_TYPES_BYTES);
				}
				Optional<PlanFileType> known = officeType(contentTypes, names);
				if (known.isPresent()) {
					return known;
				}
			}
		}
		catch (IOException | IllegalArgumentException notAZip) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	private static Optional<PlanFileType> officeType(String contentTypes, Set<String> names) {
		if (contentTypes == null) {
			return Optional.empty();
		}
		for (PlanFileType type : new PlanFileType[] { DOCX, XLSX }) {
			if (contentTypes.contains("\"" + type.mainPartType + "\"") && names.contains(type.mainPart)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	private static String readAtMost(InputStream in, int limit) throws IOException {
		byte[] read = in.readNBytes(limit + 1);
		if (read.length > limit) {
			throw new IOException("[Content_Types].xml is too large");
		}
		return new String(read, StandardCharsets.UTF_8);
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
