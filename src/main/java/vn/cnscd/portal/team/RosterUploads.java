package vn.cnscd.portal.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded roster files, kept between the upload and the import for the mapping step and nothing else: in
 * the table roster_upload (so that any instance of the cluster profile finds it), at most one per user (an
 * upload replaces the user's earlier one), for {@link #KEPT} at most. The import deletes the file; a file
 * past its time is never read again, and a clean-up every few minutes deletes it.
 */
@Component
@EnableScheduling
class RosterUploads {

	static final Duration KEPT = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	RosterUploads(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An uploaded file as kept: whose, for which commune, and its content. */
	record Kept(UUID id, long ownerId, long communeId, String fileName, byte[] content) {
	}

	/** Keeps the user's file in place of any earlier one. */
	@Transactional
	UUID keep(long ownerId, long communeId, String fileName, byte[] content) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO roster_upload (id, owner_id, commune_id, file_name, content, uploaded_at)
				VALUES (:id, :owner, :commune, :name, :content, :now)
				ON CONFLICT (owner_id) DO UPDATE SET id = EXCLUDED.id, commune_id = EXCLUDED.commune_id,
				    file_name = EXCLUDED.file_name, content = EXCLUDED.content, uploaded_at = EXCLUDED.uploaded_at""")
			.param("id", id)
			.param("owner", ownerId)
			.param("commune", communeId)
			.param("name", fileName)
			.param("content", content)
			.param("now", now())
			.update();
		return id;
	}

	/** The user's file for the commune, if it is still kept. */
	@Transactional(readOnly = true)
	Optional<Kept> find(UUID id, long ownerId, long communeId) {
		return jdbc.sql("""
				SELECT id, owner_id, commune_id, file_name, content FROM roster_upload
				WHERE id = :id AND owner_id = :owner AND commune_id = :commune AND uploaded_at > :oldest""")
			.param("id", id)
			.param("owner", ownerId)
			.param("commune", communeId)
			.param("oldest", now().minus(KEPT))
			.query(Kept.class)
			.optional();
	}

	/** Joins the import's transaction: the file goes with the import, or stays with its failure. */
	@Transactional
	void delete(UUID id) {
		jdbc.sql("DELETE FROM roster_upload WHERE id = :id").param("id", id).update();
	}

	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
	@Transactional
	public void deleteExpired() {
		jdbc.sql("DELETE FROM roster_upload WHERE uploaded_at <= :oldest").param("oldest", now().minus(KEPT)).update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
	}

}
