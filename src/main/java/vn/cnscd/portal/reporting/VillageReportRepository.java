package vn.cnscd.portal.reporting;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface VillageReportRepository extends JpaRepository<VillageReport, Long> {

	Optional<VillageReport> findByVillageIdAndPeriod(long villageId, LocalDate period);

}
