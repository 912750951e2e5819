"""`{% load letters %}{% letter letter level=2 id="letter-fi" %}`: a page includes a letter's HTML."""

from django import template

from ..html import render_html

register = template.Library()


@register.simple_tag
def letter(value, level: int = 1, id: str = "letter", css_class: str = ""):
    return render_html(value, level=level, id=id, css_class=css_class)
