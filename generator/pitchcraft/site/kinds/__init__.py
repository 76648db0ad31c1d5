"""The site's page kinds, one module each, registered in `registry.KINDS`.

A kind declares its page group (folder, audience, nav entry), the templates its pages are
rendered from with what each reads (`kind.Reads`), and a function that makes its pages. The
preview's staleness follows from those declarations (`site.page_memo`); `site.page_groups`
lists the groups from the registry.
"""
