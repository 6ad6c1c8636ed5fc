-- The standing office's officers are named by what they do, not by a level: since 01/07/2025 their committee
-- sits at a province (city) as often as at a district. Every stored copy of the role's name follows, so that
-- Role.valueOf reads each of them: the accounts, the signed answers to obstacles and the audited role changes.
-- Sessions kept in the database hold the old authority in their serialised security context; their users
-- sign in again.
DELETE FROM spring_session
WHERE principal_name IN (SELECT username FROM app_user WHERE role = 'DISTRICT_OFFICER');

ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
UPDATE app_user SET role = 'OFFICER' WHERE role = 'DISTRICT_OFFICER';
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
    CHECK (role IN ('ADMIN', 'OFFICER', 'STEERING_MEMBER', 'COMMUNE_CHAIR', 'VILLAGE_HEAD'));

UPDATE obstacle_answer SET author_role = 'OFFICER' WHERE author_role = 'DISTRICT_OFFICER';

UPDATE audit_event SET old_value = 'OFFICER' WHERE field = 'role' AND old_value = 'DISTRICT_OFFICER';
UPDATE audit_event SET new_value = 'OFFICER' WHERE field = 'role' AND new_value = 'DISTRICT_OFFICER';
