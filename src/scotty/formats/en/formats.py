"""English dates as Scotty has always written them: day first, 24-hour clock."""

DATE_FORMAT = "j F Y"  # 14 March 2025
DATETIME_FORMAT = "j F Y, H:i"  # 14 March 2025, 08:00
SHORT_DATE_FORMAT = "j M Y"  # 14 Mar 2025
SHORT_DATETIME_FORMAT = "j M Y, H:i"  # 14 Mar 2025, 08:00
MONTH_DAY_FORMAT = "j M"  # 14 Mar
TIME_FORMAT = "H:i"
