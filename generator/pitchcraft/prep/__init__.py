"""Meeting preparation for a named account: the account file, its checks, and the pack.

An account file (YAML, kept outside the content folder) names a company, the people in the
room and the account's own numbers; `prep` turns it and the content into a brief, a pitch and
a deck per attendee, and a link per attendee into the site's pitch page. Nothing here writes
into a site or is read by a build: account files can hold personal data.
"""
