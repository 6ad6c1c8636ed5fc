package vn.cnscd.portal.team;

import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<Team, Long> {

	boolean existsByUnitIdAndStatus(long unitId, TeamStatus status);

}
