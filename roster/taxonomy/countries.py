"""The admin page that places countries in regions."""

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from roster.audit import record
from roster.auth.permissions import can_manage_taxonomy, require
from roster.core.versions import commit_or_conflict, conflict_message, is_current, status_of
from roster.extensions import db
from roster.i18n import country_name
from roster.taxonomy.forms import CountryFilterForm, CountryRegionsForm
from roster.taxonomy.models import Country, Region


def _filtered(filters: CountryFilterForm, regions: list[Region]) -> list[Country]:
    """The countries that match the filters, sorted by name in the reader's language."""
    countries = db.session.scalars(sa.select(Country)).all()
    wanted = filters.region.data if filters.validate() else ""
    if wanted == "none":
        countries = [c for c in countries if c.region_id is None]
    elif wanted:
        ids = {r.id for r in regions if r.slug == wanted}
        countries = [c for c in countries if c.region_id in ids]
    q = (filters.q.data or "").lower() if not filters.q.errors else ""
    if q:
        countries = [
            c for c in countries if q in country_name(c.code).lower() or q == c.code.lower()
        ]
    return sorted(countries, key=lambda c: country_name(c.code).lower())


@login_required
def countries():
    """Show countries with their region, filtered, and move the shown ones between regions."""
    require(can_manage_taxonomy)
    regions = sorted(db.session.scalars(sa.select(Region)), key=lambda r: r.label.lower())
    filters = CountryFilterForm(request.args)
    filters.region.choices = [
        ("", _("All regions")),
        ("none", _("No region")),
        *((r.slug, r.label) for r in regions),
    ]
    choices = [("", _("No region")), *((str(r.id), r.label) for r in regions)]
    shown = _filtered(filters, regions)

    if request.method == "POST":
        form = CountryRegionsForm()
    else:
        rows = [
            {"code": c.code, "region": str(c.region_id or ""), "version": c.version} for c in shown
        ]
        form = CountryRegionsForm(formdata=None, data={"rows": rows})
    form.set_choices(choices)

    if form.validate_on_submit() and not _stale_rows(form):
        by_code = {c.code: c for c in db.session.scalars(sa.select(Country))}
        labels = {r.id: r.slug for r in regions}
        moved = []
        for row in form.rows:
            country = by_code.get(row.code.data or "")
            if country is None:
                continue  # a country removed meanwhile: nothing to move
            region_id = int(row.region.data) if row.region.data else None
            if country.region_id != region_id:
                before = labels.get(country.region_id, "-")
                moved.append(f"{country.code}: {before} → {labels.get(region_id, '-')}")
                country.region_id = region_id
        if moved:
            record("countries_moved", detail="; ".join(moved))
        if commit_or_conflict(form):
            flash(_("%(n)d countries moved.", n=len(moved)), "success")
            return redirect(url_for("taxonomy.countries", **request.args))

    names = {row.code.data: country_name(row.code.data) for row in form.rows}
    status = status_of(form, 400 if form.errors else 200)
    return (
        render_template(
            "taxonomy/countries.html", form=form, filters=filters, names=names, regions=regions
        ),
        status,
    )


def _stale_rows(form: CountryRegionsForm) -> bool:
    """True (nothing saved, the conflict said) when a listed country was moved by someone
    else since the page was opened; every row then names the current version."""
    versions = dict(db.session.execute(sa.select(Country.code, Country.version)).all())
    stale_codes = [
        row.code.data
        for row in form.rows
        if row.code.data in versions and not is_current(row, versions[row.code.data])
    ]
    if not stale_codes:
        return False
    flash(conflict_message(), "danger")
    for row in form.rows:
        if row.code.data in versions:
            row.version.raw_data = None
            row.version.data = str(versions[row.code.data])
    form.conflict = True
    return True
