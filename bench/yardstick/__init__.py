"""The yardstick: the barest Django pages of the same shape as Scotty's, to measure against.

Served by the same `scotty serve` (gunicorn) with `yardstick.settings`: only the session
and authentication middleware, one URL conf, plain templates. See bench/ratios.py.
"""
