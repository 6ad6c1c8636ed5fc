package vn.cnscd.portal.reporting;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommuneReportRepository extends JpaRepository<CommuneReport, Long> {

	Optional<CommuneReport> findByCommuneIdAndPeriod(long communeId, LocalDate period);

}
