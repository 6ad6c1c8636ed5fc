package vn.cnscd.portal.team;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberRepository extends JpaRepository<Member, Long> {

	Optional<Member> findByFormKey(String formKey);

}
