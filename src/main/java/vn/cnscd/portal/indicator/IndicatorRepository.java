package vn.cnscd.portal.indicator;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IndicatorRepository extends JpaRepository<Indicator, Long> {

	boolean existsByCode(String code);

	boolean existsByCodeAndIdNot(String code, Long id);

	@Query("select coalesce(max(i.sortOrder), 0) from Indicator i")
	int maxSortOrder();

}
