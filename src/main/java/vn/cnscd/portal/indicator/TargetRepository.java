package vn.cnscd.portal.indicator;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TargetRepository extends JpaRepository<Target, Long> {

	List<Target> findByYearAndUnitIdInAndIndicatorIdIn(int year, Collection<Long> unitIds,
			Collection<Long> indicatorIds);

	boolean existsByIndicatorId(long indicatorId);

}
