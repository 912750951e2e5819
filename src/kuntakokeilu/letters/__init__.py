"""Letters: every document the system sends (transfer notices, decision letters; plans, reminders and
statements next) as one `Letter` value, rendered to the HTML page and to PDF by one renderer.

Infrastructure: it knows no domain app. A domain app builds a `Letter` in the letter's language (its own
words, already translated) and calls `html.render_html` or `pdf.render_pdf`; the renderer adds only its
labels (sender, date, appeal instructions, …), translated in this app's own catalogue.
"""
