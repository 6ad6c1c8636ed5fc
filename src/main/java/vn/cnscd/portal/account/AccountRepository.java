package vn.cnscd.portal.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	@Query(value = "SELECT commune_id FROM steering_assignment WHERE user_id = :userId", nativeQuery = true)
	List<Long> findAssignedCommuneIds(@Param("userId") long userId);

}
