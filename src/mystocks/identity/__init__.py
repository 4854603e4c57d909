"""Who is asking and what they may do: users and passwords, sign-in throttling, sessions and
tokens (`auth`), API keys with signed requests, and the audit log."""
