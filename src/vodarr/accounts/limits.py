"""How often each account action may be tried, per account and per client address.

Signing in counts attempts per email-and-address pair (a success clears it), so one person
mistyping cannot lock anybody else out; per address, so one client cannot try many
accounts; and per account, with room to spare, so guessing spread over many addresses
still stops. Everything that sends an email is limited per recipient and per address:
Vodarr must not become a way to mail strangers.
"""

from __future__ import annotations

from vodarr.web.throttle import Limit

MINUTE = 60
HOUR = 60 * MINUTE

SIGN_IN = "Too many sign-in attempts."
LOGIN_PAIR = Limit("login-pair", 5, 5 * MINUTE, SIGN_IN)
LOGIN_ADDRESS = Limit("login-address", 30, 15 * MINUTE, SIGN_IN)
LOGIN_ACCOUNT = Limit("login-account", 50, HOUR, SIGN_IN)

REGISTER_ADDRESS = Limit("register-address", 10, HOUR, "Too many sign-up attempts.")

RESET = "Too many password reset requests."
RESET_ADDRESS = Limit("reset-address", 10, HOUR, RESET)
RESET_EMAIL = Limit("reset-email", 3, HOUR, RESET)

VERIFY = "Too many verification emails were sent."
VERIFY_ACCOUNT = Limit("verify-account", 3, HOUR, VERIFY)
VERIFY_ADDRESS = Limit("verify-address", 10, HOUR, VERIFY)

EMAIL_CHANGE = Limit("email-change", 3, HOUR, "The email address was changed too often.")
