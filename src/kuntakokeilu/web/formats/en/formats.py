"""Date input as Finnish users write it (issue 15): 15.8.2022 or 2022-08-15 (a browser's date field), nothing
else — Django's own Swedish and English formats read 8/5/2022 as month/day and would store another date."""

DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H.%M", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
