"""Admin pages of the taxonomy: the overview, themes and regions (countries in countries.py)."""

import sqlalchemy as sa
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required

from roster.audit import record
from roster.auth.permissions import can_manage_taxonomy, require
from roster.core.versions import commit_or_conflict, stale, status_of
from roster.extensions import db
from roster.i18n import country_name
from roster.taxonomy.forms import RegionForm, ThemeForm
from roster.taxonomy.models import Country, Region, Theme
from roster.taxonomy.signals import experts_in_countries, experts_per_theme


def _changes(obj, form) -> str:
    """Which fields a form changes on obj, as "field: old → new" for the audit log."""
    parts = []
    for name in ("slug", "label_en", "label_fr", "label_es"):
        old, new = getattr(obj, name), getattr(form, name).data
        if old != new:
            parts.append(f"{name}: {old} → {new}")
    return "; ".join(parts)


@login_required
def index():
    """Show the vocabularies at a glance with what needs attention."""
    require(can_manage_taxonomy)
    themes = db.session.scalars(sa.select(Theme)).all()
    regions = db.session.scalars(sa.select(Region)).all()
    countries = db.session.scalar(sa.select(sa.func.count()).select_from(Country))
    unplaced = db.session.scalar(
        sa.select(sa.func.count()).select_from(Country).where(Country.region_id.is_(None))
    )
    return render_template(
        "taxonomy/index.html",
        active_themes=sum(t.active for t in themes),
        inactive_themes=sum(not t.active for t in themes),
        regions=len(regions),
        countries=countries,
        unplaced=unplaced,
    )


@login_required
def themes():
    """List every theme with its labels, state and how many experts use it."""
    require(can_manage_taxonomy)
    rows = db.session.scalars(sa.select(Theme)).all()
    usage = experts_per_theme()
    rows.sort(key=lambda t: (not t.active, t.label.lower()))
    return render_template("taxonomy/themes.html", themes=rows, usage=usage)


@login_required
def create_theme():
    """Add a theme to the taxonomy."""
    require(can_manage_taxonomy)
    form = ThemeForm()
    if form.validate_on_submit():
        theme = Theme(active=True)
        form.populate_obj(theme)
        db.session.add(theme)
        db.session.flush()
        record("theme_created", theme, detail=theme.slug)
        db.session.commit()
        flash(_("Theme “%(label)s” added.", label=theme.label), "success")
        return redirect(url_for("taxonomy.themes"))
    status = 400 if form.errors else 200
    return render_template("taxonomy/theme_form.html", form=form, theme=None), status


@login_required
def edit_theme(theme_id: int):
    """Change a theme's labels or short name."""
    theme = db.get_or_404(Theme, theme_id)
    require(can_manage_taxonomy)
    form = ThemeForm(obj=theme, current_id=theme.id)
    if form.validate_on_submit() and not stale(theme, form):
        detail = _changes(theme, form)
        form.populate_obj(theme)
        if detail:
            record("theme_changed", theme, detail=detail)
        if commit_or_conflict(form):
            flash(_("Theme “%(label)s” saved.", label=theme.label), "success")
            return redirect(url_for("taxonomy.themes"))
    usage = experts_per_theme([theme.id]).get(theme.id, 0)
    status = status_of(form, 400 if form.errors else 200)
    return render_template("taxonomy/theme_form.html", form=form, theme=theme, usage=usage), status


@login_required
def deactivate_theme(theme_id: int):
    """Hide a theme from new choices; profiles that have it keep it."""
    theme = db.get_or_404(Theme, theme_id)
    require(can_manage_taxonomy)
    if theme.active:
        theme.active = False
        record("theme_deactivated", theme, detail=theme.slug)
        db.session.commit()
    flash(_("Theme “%(label)s” is no longer offered.", label=theme.label), "success")
    return redirect(url_for("taxonomy.themes"))


@login_required
def reactivate_theme(theme_id: int):
    """Offer a deactivated theme again."""
    theme = db.get_or_404(Theme, theme_id)
    require(can_manage_taxonomy)
    if not theme.active:
        theme.active = True
        record("theme_reactivated", theme, detail=theme.slug)
        db.session.commit()
    flash(_("Theme “%(label)s” is offered again.", label=theme.label), "success")
    return redirect(url_for("taxonomy.themes"))


@login_required
def regions():
    """List the regions with how many countries each holds."""
    require(can_manage_taxonomy)
    rows = db.session.scalars(sa.select(Region)).all()
    sizes = dict(
        db.session.execute(
            sa.select(Country.region_id, sa.func.count()).group_by(Country.region_id)
        ).all()
    )
    rows.sort(key=lambda r: r.label.lower())
    return render_template(
        "taxonomy/regions.html", regions=rows, sizes=sizes, unplaced=sizes.get(None, 0)
    )


@login_required
def create_region():
    """Add a region."""
    require(can_manage_taxonomy)
    form = RegionForm()
    if form.validate_on_submit():
        region = Region()
        form.populate_obj(region)
        db.session.add(region)
        db.session.flush()
        record("region_created", region, detail=region.slug)
        db.session.commit()
        flash(
            _("Region “%(label)s” added. Now place countries in it.", label=region.label), "success"
        )
        return redirect(url_for("taxonomy.countries", region=region.slug))
    status = 400 if form.errors else 200
    return render_template("taxonomy/region_form.html", form=form, region=None), status


@login_required
def edit_region(region_id: int):
    """Change a region's labels or short name, and see its countries."""
    region = db.get_or_404(Region, region_id)
    require(can_manage_taxonomy)
    form = RegionForm(obj=region, current_id=region.id)
    if form.validate_on_submit() and not stale(region, form):
        detail = _changes(region, form)
        form.populate_obj(region)
        if detail:
            record("region_changed", region, detail=detail)
        if commit_or_conflict(form):
            flash(_("Region “%(label)s” saved.", label=region.label), "success")
            return redirect(url_for("taxonomy.regions"))
    codes = sorted((c.code for c in region.countries), key=lambda c: country_name(c).lower())
    experts = experts_in_countries(codes)
    status = status_of(form, 400 if form.errors else 200)
    return (
        render_template(
            "taxonomy/region_form.html", form=form, region=region, codes=codes, experts=experts
        ),
        status,
    )
