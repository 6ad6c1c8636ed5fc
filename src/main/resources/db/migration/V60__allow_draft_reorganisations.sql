-- A reorganisation starts as a DRAFT (area.ReorganisationService.start): the officer builds and previews it
-- before recording it. V53's check left that status out, so no draft could be saved.
ALTER TABLE reorganisation DROP CONSTRAINT reorganisation_status_check;
ALTER TABLE reorganisation ADD CONSTRAINT reorganisation_status_check
    CHECK (status IN ('DRAFT', 'PLANNED', 'IN_FORCE', 'CANCELLED', 'FAILED'));
