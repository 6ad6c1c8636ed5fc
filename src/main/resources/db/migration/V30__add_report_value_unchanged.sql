-- A STOCK figure the village head confirmed with one tap as last month's ("Không đổi: 369"): recorded as
-- confirmed unchanged, not only as a number that happens to equal last month's, so that a reader can tell a
-- figure checked this month from one copied over.
ALTER TABLE village_report_value ADD COLUMN unchanged boolean NOT NULL DEFAULT false;
