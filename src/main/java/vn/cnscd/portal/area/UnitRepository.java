package vn.cnscd.portal.area;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UnitRepository extends JpaRepository<Unit, Long> {

	@Query("select u from Unit u where u.parentId = :parentId and (:withClosed = true or u.validTo is null) order by u.code, u.name")
	List<Unit> findChildren(@Param("parentId") long parentId, @Param("withClosed") boolean withClosed);

	@Query("select u from Unit u where u.id in :ids order by u.ancestorPath")
	List<Unit> findAllByIdIn(@Param("ids") Collection<Long> ids);

	Optional<Unit> findByLevelAndCodeAndValidToIsNull(UnitLevel level, String code);

	/** The units of a level under a path that were in force on a date, by code. */
	@Query("""
			select u from Unit u
			where u.level = :level and u.ancestorPath like :under and u.validFrom <= :on
			  and (u.validTo is null or u.validTo > :on)
			order by u.code, u.name""")
	List<Unit> findInForceUnder(@Param("level") UnitLevel level, @Param("under") String under, @Param("on") LocalDate on);

	/** The villages of some communes that were in force on a date, by commune and code. */
	@Query("""
			select u from Unit u
			where u.parentId in :communes and u.level = vn.cnscd.portal.area.UnitLevel.VILLAGE and u.validFrom <= :on
			  and (u.validTo is null or u.validTo > :on)
			order by u.parentId, u.code, u.name""")
	List<Unit> findVillagesInForce(@Param("communes") Collection<Long> communes, @Param("on") LocalDate on);

	Optional<Unit> findByParentIdIsNull();

	@Query("""
			select count(u) from Unit u
			where u.ancestorPath like concat(:subtreePath, '%') and u.level = :level and u.validTo is null""")
	long countOpenUnder(@Param("subtreePath") String subtreePath, @Param("level") UnitLevel level);

}
