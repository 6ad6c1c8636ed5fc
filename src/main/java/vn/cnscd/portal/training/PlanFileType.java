package vn.cnscd.portal.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import vn.cnscd.portal.upload.RefusedZipException;
import vn.cnscd.portal.upload.ZipPackage;

/**
 * The types a plan's file may have, told from its content and never from its name: a PDF by its header, a
 * DOCX or XLSX by being a zip whose [Content_Types].xml declares the main part of that format, and which
 * holds that part. A macro-enabled document declares another main type and is refused with the rest. A DOCX
 * or XLSX is opened only within {@link #LIMITS}, so that a zip bomb is refused before it is unpacked.
 */
enum PlanFileType {

	PDF("application/pdf", "pdf", null, null),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml");

	/** More than any real [Content_Types].xml; a bigger one is not worth reading. */
	private static final int MAX_CONTENT_TYPES_BYTES = 256 * 1024;

	static final int MAX_UNPACKED_MEGABYTES = 64;

	static final int MAX_RATIO = 100;

	/**
	 * A plan of at most 10 MB unpacks to a few times that: text packs about tenfold, pictures not at all.
	 * The limits are far above any real document and far below what would strain the server.
	 */
	static final ZipPackage.Limits LIMITS = new ZipPackage.Limits(10_000, MAX_UNPACKED_MEGABYTES * 1024L * 1024,
			2 * MAX_UNPACKED_MEGABYTES * 1024L * 1024, MAX_RATIO, 1024 * 1024);

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

	/** The type of the content, empty when it is none of them; a zip bomb is refused with {@link RefusedZipException}. */
	static Optional<PlanFileType> detect(byte[] content) throws RefusedZipException {
		if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(PDF);
		}
		if (!startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
			return Optional.empty();
		}
		ZipPackage zip;
		try {
			zip = ZipPackage.open(content, LIMITS);
		}
		catch (RefusedZipException refused) {
			if (refused.reason() == RefusedZipException.Reason.DAMAGED) {
				return Optional.empty();
			}
			throw refused;
		}
		try (zip) {
			String contentTypes = contentTypes(zip);
			for (PlanFileType type : new PlanFileType[] { DOCX, XLSX }) {
				if (contentTypes.contains("\"" + type.mainPartType + "\"") && zip.has(type.mainPart)) {
					return Optional.of(type);
				}
			}
			return Optional.empty();
		}
	}

	private static String contentTypes(ZipPackage zip) {
		Optional<InputStream> entry = zip.read("[Content_Types].xml");
		if (entry.isEmpty()) {
			return "";
		}
		try (InputStream in = entry.get()) {
			byte[] read = in.readNBytes(MAX_CONTENT_TYPES_BYTES + 1);
			return read.length > MAX_CONTENT_TYPES_BYTES ? "" : new String(read, StandardCharsets.UTF_8);
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
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
