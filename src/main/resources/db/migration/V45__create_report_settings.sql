-- What a unit's report documents say of who issues and signs them (Decree 30/2020/NĐ-CP, Appendix I): the
-- issuing body's lines, the symbol after "Số: .../BC-", the place of the date line, the signature block and
-- the recipients ("Nơi nhận"). One row per committee or commune that changed the defaults, which the portal
-- derives from the unit's name; no row means the defaults.
CREATE TABLE report_settings (
    unit_id      bigint PRIMARY KEY REFERENCES unit (id),
    -- the body above the issuer ("UBND HUYỆN TỨ KỲ"); none for a commune's people's committee
    superior     varchar(200),
    issuer       varchar(200) NOT NULL CHECK (length(trim(issuer)) > 0),
    symbol       varchar(30)  NOT NULL CHECK (length(trim(symbol)) > 0),
    place        varchar(100) NOT NULL CHECK (length(trim(place)) > 0),
    -- TM., KT., Q., TL. or TUQ. and whom the signer signs for; none when the head signs in their own name
    authority    varchar(200),
    signer_title varchar(100) NOT NULL CHECK (length(trim(signer_title)) > 0),
    signer_name  varchar(100),
    -- one recipient a line
    recipients   varchar(2000) NOT NULL,
    version      bigint       NOT NULL DEFAULT 0
);
