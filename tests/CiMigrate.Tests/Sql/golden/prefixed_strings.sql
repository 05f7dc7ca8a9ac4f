SELECT U&'d\0061t\+000061';
SELECT U&'d!0061t!+000061' UESCAPE '!';
SELECT B'1010', b'01;', X'1F', x'ff', N'national; string';
SELECT 0x1F, 1_000, 1.5e-3, .5, 3.::numeric;
