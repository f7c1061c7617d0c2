"""The Textual face of cjcoach: the workshop room in a terminal or (via textual-serve) a browser.

``launch`` is what the command line calls; ``app.create_app`` builds the app for the
command line and the tests alike. Everything the team says goes through the same engine
as the plain chat, so a workshop run here leaves the same file.
"""
