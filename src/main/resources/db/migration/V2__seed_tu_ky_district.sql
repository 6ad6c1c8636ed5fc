-- Reference data: Hải Dương province (GSO code 30), Tứ Kỳ district (298) and its 23 communes as of 2022,
-- from shared/data/tu-ky-communes.csv (GSO codes; in force from 2019-12-01, the last merger before the plan).
INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
VALUES (NULL, 'PROVINCE', 'TINH', '30', 'Hải Dương', 'tinh hai duong 30', '/', DATE '1997-01-01');

INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
SELECT p.id, 'DISTRICT', 'HUYEN', '298', 'Tứ Kỳ', 'huyen tu ky 298', '/' || p.id || '/', DATE '1997-01-01'
FROM unit p WHERE p.level = 'PROVINCE' AND p.code = '30';

INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
SELECT d.id, 'COMMUNE', c.kind, c.code, c.name, c.search_text, d.ancestor_path || d.id || '/', c.valid_from
FROM unit d
CROSS JOIN (VALUES
    ('THI_TRAN', '11074', 'Tứ Kỳ', 'thi tran tu ky 11074', DATE '2019-12-01'),
    ('XA', '11083', 'Đại Sơn', 'xa dai son 11083', DATE '2019-12-01'),
    ('XA', '11086', 'Hưng Đạo', 'xa hung dao 11086', DATE '2019-12-01'),
    ('XA', '11089', 'Ngọc Kỳ', 'xa ngoc ky 11089', DATE '2019-12-01'),
    ('XA', '11092', 'Bình Lăng', 'xa binh lang 11092', DATE '2019-12-01'),
    ('XA', '11095', 'Chí Minh', 'xa chi minh 11095', DATE '2019-12-01'),
    ('XA', '11098', 'Tái Sơn', 'xa tai son 11098', DATE '2019-12-01'),
    ('XA', '11101', 'Quang Phục', 'xa quang phuc 11101', DATE '2019-12-01'),
    ('XA', '11110', 'Dân Chủ', 'xa dan chu 11110', DATE '2019-12-01'),
    ('XA', '11113', 'Tân Kỳ', 'xa tan ky 11113', DATE '2019-12-01'),
    ('XA', '11116', 'Quang Khải', 'xa quang khai 11116', DATE '2019-12-01'),
    ('XA', '11119', 'Đại Hợp', 'xa dai hop 11119', DATE '2019-12-01'),
    ('XA', '11122', 'Quảng Nghiệp', 'xa quang nghiep 11122', DATE '2019-12-01'),
    ('XA', '11125', 'An Thanh', 'xa an thanh 11125', DATE '2019-12-01'),
    ('XA', '11128', 'Minh Đức', 'xa minh duc 11128', DATE '2019-12-01'),
    ('XA', '11131', 'Văn Tố', 'xa van to 11131', DATE '2019-12-01'),
    ('XA', '11134', 'Quang Trung', 'xa quang trung 11134', DATE '2019-12-01'),
    ('XA', '11137', 'Phượng Kỳ', 'xa phuong ky 11137', DATE '2019-12-01'),
    ('XA', '11140', 'Cộng Lạc', 'xa cong lac 11140', DATE '2019-12-01'),
    ('XA', '11143', 'Tiên Động', 'xa tien dong 11143', DATE '2019-12-01'),
    ('XA', '11146', 'Nguyên Giáp', 'xa nguyen giap 11146', DATE '2019-12-01'),
    ('XA', '11149', 'Hà Kỳ', 'xa ha ky 11149', DATE '2019-12-01'),
    ('XA', '11152', 'Hà Thanh', 'xa ha thanh 11152', DATE '2019-12-01')
) AS c (kind, code, name, search_text, valid_from)
WHERE d.level = 'DISTRICT' AND d.code = '298';
