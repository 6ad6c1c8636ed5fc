-- Obstacles are found by their text as people type it, without tone marks or diacritics ("song yeu" finds
-- "Sóng điện thoại di động yếu"), like units (area.SearchText): the folded text is kept beside the text by
-- PostgreSQL itself, so every way an obstacle is written (reports, answers to ad hoc requests, demo data)
-- gets it. Vietnamese letters, upper and lower case, become their plain letter, đ becomes d, and combining
-- marks of decomposed text are dropped; lower() then needs only ASCII.
ALTER TABLE obstacle ADD COLUMN search_text text GENERATED ALWAYS AS (lower(translate(text,
    'ÀÁÂÃÈÉÊÌÍÎÑÒÓÔÕÙÚÛÝàáâãèéêìíîñòóôõùúûýĂăĆćĈĉĔĕĜĝĞğĤĥĨĩĬĭĴĵĹĺŃńŎŏŔŕŚśŜŝŨũŬŭŴŵŶŷŹźƠơƯưǴǵǸǹḄḅḌḍḤḥḰḱḲḳḶḷḾḿṂṃṆṇṌṍṔṕṚṛṢṣṬṭṸṹṼṽṾṿẀẁẂẃẈẉẐẑẒẓẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹđĐ̛̣̀́̃̉̂̆',
    'aaaaeeeiiinoooouuuyaaaaeeeiiinoooouuuyaacccceegggghhiiiijjllnnoorrssssuuuuwwyyzzoouuggnnbbddhhkkkkllmmmmnnoopprrssttuuvvvvwwwwwwzzzzaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyydd'))) STORED;
