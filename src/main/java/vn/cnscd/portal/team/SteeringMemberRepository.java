package vn.cnscd.portal.team;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SteeringMemberRepository extends JpaRepository<SteeringMember, Long> {

	/** The members of these districts with their communes, in one query: current members first, in the order recorded. */
	@EntityGraph(attributePaths = "communeIds")
	@Query("select m from SteeringMember m where m.districtId in :districtIds order by m.districtId, m.leftOn desc nulls first, m.id")
	List<SteeringMember> findCommittees(@Param("districtIds") Collection<Long> districtIds);

	@Query("select c from SteeringMember m join m.communeIds c where m.accountId = :accountId and m.leftOn is null")
	List<Long> findCommunesInChargeOf(@Param("accountId") long accountId);

	/** The accounts already linked to a member other than this one ({@code null} for a new member). */
	@Query("select m.accountId from SteeringMember m where m.accountId is not null and (:memberId is null or m.id <> :memberId)")
	List<Long> findLinkedAccountIdsExcept(@Param("memberId") Long memberId);

	boolean existsByDistrictId(long districtId);

}
