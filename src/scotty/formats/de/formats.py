"""German dates as a German service desk writes them: "14. März 2025, 08:00 Uhr" without
the "Uhr", which reads heavy in tables."""

DATE_FORMAT = "j. F Y"  # 14. März 2025
DATETIME_FORMAT = "j. F Y, H:i"  # 14. März 2025, 08:00
SHORT_DATE_FORMAT = "j. M Y"  # 14. Mär 2025
SHORT_DATETIME_FORMAT = "j. M Y, H:i"  # 14. Mär 2025, 08:00
MONTH_DAY_FORMAT = "j. M"  # 14. Mär
TIME_FORMAT = "H:i"
